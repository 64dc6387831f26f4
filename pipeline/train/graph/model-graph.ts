import * as tf from '@tensorflow/tfjs-node';
import { partialKernelIndex } from '../../../core/layers/partial-conv2d.js';
import { SCALED_TANH_AMPLITUDE, SCALED_TANH_SLOPE } from '../../../core/layers/scaled-tanh.js';
import type { TrainingLoss } from '../../../core/types.js';
import type { OutputRef } from '../../native/graph-addon.js';
import { UserError } from '../../shared/user-error.js';
import { DT, floatValue, intValue, type DType, type GraphBuilder } from './graph-builder.js';

/** A tfjs weight the graph trains, and the graph's variable for it. */
export interface GraphVariable {
  weight: tf.LayerVariable;
  handle: OutputRef;
  /** The float32 value (what gradients are taken with respect to). */
  read: OutputRef;
}

/** A dropout layer's mask, fed every step (drawn in tfjs exactly as its eager layer would). */
export interface GraphDropout {
  layer: string;
  rate: number;
  /** Placeholder [batch, ...features] of multipliers 0 or 1/(1 - rate). */
  mask: OutputRef;
  /** The mask's shape without the batch dimension. */
  features: number[];
}

/** The forward pass and loss of a model as graph ops. */
export interface ModelGraph {
  /** Placeholder of raw images [batch, ...inputShape]. */
  x: OutputRef;
  inputShape: number[];
  labels: OutputRef;
  variables: GraphVariable[];
  dropouts: GraphDropout[];
  /** The training criterion, float32 scalar. */
  loss: OutputRef;
  /** Number of correct top-1 predictions in the batch (int32 scalar). */
  correct: OutputRef;
}

/** Raised for a layer, setting or loss the graph engine does not express. */
export class GraphUnsupportedError extends UserError {
  override name = 'GraphUnsupportedError';
  constructor(what: string) {
    super('graph-engine', `The graph training engine cannot train ${what}; train this model with --engine eager.`);
  }
}

/** Keras' probability clip before the log (the eager loss's EPSILON). */
const EPSILON = 1e-7;

const stringAttr = (name: string, value: string) => ({ name, kind: 'string' as const, value });
const intsAttr = (name: string, value: readonly number[]) => ({ name, kind: 'ints' as const, value });
const pair = (v: number | number[] | undefined, fallback: number): [number, number] => (v === undefined ? [fallback, fallback] : Array.isArray(v) ? [v[0]!, v[1] ?? v[0]!] : [v, v]);

/** Everything one layer's translation needs besides its input. */
interface LayerContext {
  g: GraphBuilder;
  compute: DType;
  /** The graph value of `layer`'s weight whose name ends in `/<suffix>`, in the compute dtype. */
  weight(layer: tf.layers.Layer, suffix: string): OutputRef;
  /** A constant of a non-trainable weight's current value, float32. */
  frozen(layer: tf.layers.Layer, suffix: string): OutputRef;
  dropout(layer: tf.layers.Layer, rate: number, features: number[]): OutputRef;
}

function weightOf(layer: tf.layers.Layer, suffix: string): tf.LayerVariable {
  const w = layer.weights.find((v) => v.originalName.endsWith(`/${suffix}`));
  if (!w) throw new GraphUnsupportedError(`layer ${layer.name}: it has no weight named ${suffix}`);
  return w;
}

function activation(ctx: LayerContext, layer: tf.layers.Layer, x: OutputRef, name: string | undefined, last: boolean): OutputRef {
  switch (name ?? 'linear') {
    case 'linear':
      return x;
    case 'relu':
      return ctx.g.unary('Relu', x);
    case 'tanh':
      return ctx.g.unary('Tanh', x);
    case 'softmax':
      // In float32, as Keras' mixed precision keeps the output activation.
      if (!last) throw new GraphUnsupportedError(`layer ${layer.name}: a softmax before the last layer`);
      return ctx.g.op('Softmax', [ctx.compute === DT.float32 ? x : ctx.g.cast(x, DT.float32)]);
    default:
      throw new GraphUnsupportedError(`layer ${layer.name}: its activation ${name}`);
  }
}

/** One layer of a Sequential model as graph ops: its input -> its output. */
function layerOps(ctx: LayerContext, layer: tf.layers.Layer, x: OutputRef, last: boolean): OutputRef {
  const { g } = ctx;
  const config = layer.getConfig() as Record<string, unknown>;
  switch (layer.getClassName()) {
    case 'Standardize': {
      // In float32, on the raw pixels (the cast to the compute dtype follows it).
      return g.div(g.sub(x, ctx.frozen(layer, 'mean')), ctx.frozen(layer, 'std'));
    }
    case 'Conv2D': {
      if (config.dataFormat !== 'channelsLast' || pair(config.dilationRate as number, 1).some((d) => d !== 1)) throw new GraphUnsupportedError(`layer ${layer.name}: channels-first or dilated convolution`);
      const [sh, sw] = pair(config.strides as number, 1);
      const conv = g.op('Conv2D', [x, ctx.weight(layer, 'kernel')], [intsAttr('strides', [1, sh, sw, 1]), stringAttr('padding', (config.padding as string).toUpperCase())]);
      const biased = config.useBias ? g.op('BiasAdd', [conv, ctx.weight(layer, 'bias')]) : conv;
      return activation(ctx, layer, biased, config.activation as string, last);
    }
    case 'Dense': {
      const product = g.op('MatMul', [x, ctx.weight(layer, 'kernel')]);
      const biased = config.useBias ? g.op('BiasAdd', [product, ctx.weight(layer, 'bias')]) : product;
      return activation(ctx, layer, biased, config.activation as string, last);
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const [ph, pw] = pair(config.poolSize as number, 2);
      const [sh, sw] = pair((config.strides as number) ?? undefined, ph);
      const type = layer.getClassName() === 'MaxPooling2D' ? 'MaxPool' : 'AvgPool';
      return g.op(type, [x], [intsAttr('ksize', [1, ph, pw, 1]), intsAttr('strides', [1, sh, sw, 1]), stringAttr('padding', (config.padding as string).toUpperCase())]);
    }
    case 'Flatten': {
      const features = (layer.outputShape as number[])[1]!;
      return g.op('Reshape', [x, g.ints([-1, features])]);
    }
    case 'Dropout': {
      if (config.noiseShape != null) throw new GraphUnsupportedError(`layer ${layer.name}: dropout with a noise shape`);
      const rate = config.rate as number;
      if (rate === 0) return x;
      return g.mul(x, ctx.dropout(layer, rate, (layer.outputShape as number[]).slice(1)));
    }
    case 'ZeroPadding2D': {
      const [[top, bottom], [left, right]] = config.padding as [[number, number], [number, number]];
      return g.op('Pad', [x, g.constant(intValue([0, 0, top, bottom, left, right, 0, 0], [4, 2]))]);
    }
    case 'ScaledTanh': {
      const slope = g.scalar(SCALED_TANH_SLOPE, ctx.compute);
      return g.mul(g.unary('Tanh', g.mul(x, slope)), g.scalar(SCALED_TANH_AMPLITUDE, ctx.compute));
    }
    case 'TrainableSubsampling': {
      const size = config.poolSize as number;
      const averaged = g.op('AvgPool', [x], [intsAttr('ksize', [1, size, size, 1]), intsAttr('strides', [1, size, size, 1]), stringAttr('padding', 'VALID')]);
      return g.add(g.mul(averaged, ctx.weight(layer, 'coefficient')), ctx.weight(layer, 'bias'));
    }
    case 'PartialConv2D': {
      const connections = config.connections as number[][];
      const kernelSize = config.kernelSize as number;
      const inChannels = (layer.input as tf.SymbolicTensor).shape[3]!;
      const { index } = partialKernelIndex(connections, inChannels, kernelSize);
      // The connected weights, then one 0, gathered into the full kernel (as PartialConv2D.fullKernel does).
      const padded = g.op('ConcatV2', [[ctx.weight(layer, 'kernel'), g.cast(g.constant(floatValue(new Float32Array(1), [1])), ctx.compute)], g.constant(intValue([0], []))]);
      const gathered = g.op('GatherV2', [padded, g.constant(intValue(index)), g.constant(intValue([0], []))]);
      const kernel = g.op('Reshape', [gathered, g.ints([kernelSize, kernelSize, inChannels, connections.length])]);
      const conv = g.op('Conv2D', [x, kernel], [intsAttr('strides', [1, 1, 1, 1]), stringAttr('padding', 'VALID')]);
      return g.op('BiasAdd', [conv, ctx.weight(layer, 'bias')]);
    }
    default:
      throw new GraphUnsupportedError(`layer ${layer.name} (${layer.getClassName()})`);
  }
}

/** Keras' mean sparse categorical cross-entropy of probabilities, as the eager loss computes it. */
function crossEntropy(g: GraphBuilder, probs: OutputRef, oneHot: OutputRef): OutputRef {
  const clipped = g.op('Minimum', [g.op('Maximum', [probs, g.scalar(EPSILON)]), g.scalar(1 - EPSILON)]);
  const picked = g.reduce('Sum', g.mul(oneHot, g.unary('Log', clipped)), [1]);
  return g.unary('Neg', g.reduce('Mean', picked, [0]));
}

/**
 * LeNet-5's RBF output for its Euclidean loss (eq. 8): the squared distances of F6's outputs to the
 * fixed codes, ||x||^2 - 2 x.c + ||c||^2 in float32, as RbfOutput.distances computes them.
 */
function rbfDistances(ctx: LayerContext, layer: tf.layers.Layer, x: OutputRef): OutputRef {
  const { g } = ctx;
  const x32 = ctx.compute === DT.float32 ? x : g.cast(x, DT.float32);
  const codes = ctx.frozen(layer, 'centers');
  const xx = g.op('Sum', [g.unary('Square', x32), g.ints([1])], [{ name: 'keep_dims', kind: 'bool', value: true }]);
  const xc = g.op('MatMul', [x32, codes], [{ name: 'transpose_b', kind: 'bool', value: true }]);
  return g.add(g.sub(xx, g.mul(g.scalar(2), xc)), g.reduce('Sum', g.unary('Square', codes), [1]));
}

/**
 * The graph of one training step's forward pass and loss for a Sequential `model`: every layer
 * translated to TensorFlow ops (refusing, with the layer's name, what it cannot express), its
 * trainable weights as float32 resource variables, computed in `compute` (bfloat16: float32 master
 * weights cast at each use, float32 softmax and loss, as Keras' mixed_bfloat16 policy does).
 */
export function buildModelGraph(g: GraphBuilder, model: tf.LayersModel, loss: TrainingLoss, compute: DType): ModelGraph {
  const inputShape = (model.inputs[0]!.shape as number[]).slice(1);
  const x = g.placeholder('x', DT.float32, [-1, ...inputShape]);
  const labels = g.placeholder('labels', DT.int32, [-1]);
  const variables: GraphVariable[] = [];
  const dropouts: GraphDropout[] = [];
  const ctx: LayerContext = {
    g,
    compute,
    weight(layer, suffix) {
      const weight = weightOf(layer, suffix);
      if (!weight.trainable) throw new GraphUnsupportedError(`layer ${layer.name}: its frozen weight ${suffix}`);
      const v = g.scope(layer.name, () => g.variable(suffix, weight.shape as number[]));
      variables.push({ weight, ...v });
      return compute === DT.float32 ? v.read : g.cast(v.read, compute);
    },
    frozen(layer, suffix) {
      const weight = weightOf(layer, suffix);
      return g.constant(floatValue(weight.read().dataSync() as Float32Array, weight.shape as number[]));
    },
    dropout(layer, rate, features) {
      const mask = g.placeholder(`${layer.name}/mask`, DT.float32, [-1, ...features]);
      dropouts.push({ layer: layer.name, rate, mask, features });
      return compute === DT.float32 ? mask : g.cast(mask, compute);
    },
  };
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const oneHot = g.op('OneHot', [labels, g.constant(intValue([model.outputs[0]!.shape[1] as number], [])), g.scalar(1), g.scalar(0)]);
  // The input stays float32 through a leading Standardize, then is cast to the compute dtype once.
  const leading = layers.findIndex((l) => l.getClassName() !== 'Standardize');
  let h = x;
  let trainingLoss: OutputRef;
  let probs: OutputRef;
  layers.slice(0, -1).forEach((layer, i) => {
    if (i === leading && compute !== DT.float32) h = g.cast(h, compute);
    h = g.scope(layer.name, () => layerOps(ctx, layer, h, false));
  });
  if (leading === layers.length - 1 && compute !== DT.float32) h = g.cast(h, compute);
  const output = layers[layers.length - 1]!;
  if (loss === 'euclidean-rbf') {
    if (output.getClassName() !== 'RbfOutput') throw new GraphUnsupportedError(`the euclidean-rbf loss of a model whose last layer is ${output.getClassName()}`);
    const distances = g.scope(output.name, () => rbfDistances(ctx, output, h));
    trainingLoss = g.reduce('Mean', g.reduce('Sum', g.mul(oneHot, distances), [1]), [0]);
    probs = g.op('Softmax', [g.unary('Neg', distances)]);
  } else {
    probs = g.scope(output.name, () => layerOps(ctx, output, h, true));
    trainingLoss = crossEntropy(g, probs, oneHot);
  }
  const predicted = g.op('ArgMax', [probs, g.constant(intValue([1], []))], [{ name: 'output_type', kind: 'type', value: DT.int32 }]);
  const correct = g.reduce('Sum', g.cast(g.op('Equal', [predicted, labels]), DT.int32), [0]);
  const trainable = model.trainableWeights.length;
  if (variables.length !== trainable) throw new GraphUnsupportedError(`${model.name}: the graph found ${variables.length} of its ${trainable} trainable weights`);
  // In the model's own order, the order Nadam keeps its moments in.
  const order = new Map(model.trainableWeights.map((w, i) => [w, i]));
  variables.sort((p, q) => order.get(p.weight)! - order.get(q.weight)!);
  return { x, inputShape, labels, variables, dropouts, loss: trainingLoss, correct };
}
