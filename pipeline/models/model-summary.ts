import type * as tf from '@tensorflow/tfjs-node';
import { countParameters } from '../../core/count-parameters.js';

/** One row of a model summary, in layer order. */
export interface LayerSummary {
  /** Layer name, e.g. 'conv1'. */
  name: string;
  /** Layer class, e.g. 'Conv2D'. */
  type: string;
  /** Output shape with the batch dimension as null, e.g. [null, 28, 28, 64]. */
  outputShape: (number | null)[];
  /** All parameters of the layer (trainable and not). */
  params: number;
  /** Trainable parameters of the layer. */
  trainableParams: number;
}

/** Parameter totals of a model. */
export interface ParamCounts {
  total: number;
  trainable: number;
  nonTrainable: number;
}

const countWeights = countParameters;

/** One row per layer: name, class, output shape, parameter counts (what Keras' summary lists). */
export function summarizeModel(model: tf.LayersModel): LayerSummary[] {
  return model.layers.map((layer) => ({
    name: layer.name,
    type: layer.getClassName(),
    outputShape: [...(layer.outputShape as (number | null)[])],
    params: layer.countParams(),
    trainableParams: countWeights(layer.trainableWeights),
  }));
}

/** Total, trainable and non-trainable parameter counts. */
export function countModelParams(model: tf.LayersModel): ParamCounts {
  const trainable = countWeights(model.trainableWeights);
  const nonTrainable = countWeights(model.nonTrainableWeights);
  return { total: trainable + nonTrainable, trainable, nonTrainable };
}

/** "(None, 28, 28, 64)", as Keras prints shapes. */
export function formatShape(shape: (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** A Keras-style model.summary() as text: one line per layer, then the totals. */
export function formatModelSummary(model: tf.LayersModel): string {
  const rows = summarizeModel(model).map((r) => [`${r.name} (${r.type})`, formatShape(r.outputShape), r.params.toLocaleString('en-US')] as const);
  const head = ['Layer (type)', 'Output Shape', 'Param #'] as const;
  const widths = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)) + 2);
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]! - 2) : c.padEnd(widths[i]!))).join('').trimEnd();
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 0) - 2);
  const counts = countModelParams(model);
  return [
    `Model: "${model.name}"`,
    rule('_'),
    line(head),
    rule('='),
    ...rows.map(line),
    rule('='),
    `Total params: ${counts.total.toLocaleString('en-US')}`,
    `Trainable params: ${counts.trainable.toLocaleString('en-US')}`,
    `Non-trainable params: ${counts.nonTrainable.toLocaleString('en-US')}`,
    rule('_'),
  ].join('\n');
}
