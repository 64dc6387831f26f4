import * as tf from '@tensorflow/tfjs-node';
import { standardize } from '../../core/layers/standardize.js';
import type { WeightArray } from './hdf5-file.js';
import { tfjsActivation } from './keras-activations.js';
import { KerasFileError } from './keras-file-error.js';
import type { KerasLayer } from './read-keras-config.js';

/** What a layer mapping gets: the Keras layer, its weights as read, the shape it is called on (batch first), and the file's name for messages. */
export interface LayerContext {
  layer: KerasLayer;
  weights: WeightArray[];
  inputShape: (number | null)[];
  where: string;
}

/** A tf.js layer made from a Keras one, and what becomes of the file's weights for it. */
export interface MappedLayer {
  layer: tf.layers.Layer;
  /** 'copy': copied in once the model is built; 'used': the mapping made the layer from them; 'none': the layer has none. */
  weights: 'copy' | 'used' | 'none';
}

type Mapping = (c: LayerContext, setting: Settings) => MappedLayer | null;

/** Reads one layer's settings; each refusal names the layer, the setting and what the converter takes. */
class Settings {
  constructor(private readonly c: LayerContext) {}
  private refuse(key: string, wants: string): never {
    const { layer, where } = this.c;
    throw new KerasFileError(`${where}: layer '${layer.name}' (${layer.className}) has ${key}=${JSON.stringify(this.c.layer.config[key])}; the converter takes ${wants}.`);
  }
  get(key: string): unknown {
    return this.c.layer.config[key];
  }
  /** An int or a list of ints (Keras' kernel_size, strides, pool_size). */
  ints(key: string): number[] | undefined {
    const v = this.get(key);
    if (v === undefined || v === null) return undefined;
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((n) => Number.isInteger(n))) this.refuse(key, 'integers');
    return list as number[];
  }
  number(key: string, fallback: number): number {
    const v = this.get(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.refuse(key, 'a number');
    return v;
  }
  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const v = this.get(key) ?? fallback;
    if (!allowed.includes(v as T)) this.refuse(key, allowed.map((a) => JSON.stringify(a)).join(' or '));
    return v as T;
  }
  is(key: string, allowed: unknown[], wants: string): void {
    const v = this.get(key);
    if (v !== undefined && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(v))) this.refuse(key, wants);
  }
  channelsLast(): void {
    this.is('data_format', ['channels_last', null], 'channels_last (images as height x width x channels)');
  }
  padding(): 'valid' | 'same' {
    return this.oneOf('padding', ['valid', 'same'], 'valid');
  }
  activation(): string {
    return tfjsActivation(this.get('activation'), this.c.layer.name, this.c.where);
  }
  /** BatchNormalization's and Normalization's axis: the last (channel) axis only. */
  lastAxis(rank: number): void {
    const v = this.get('axis');
    const list = v === undefined ? [-1] : Array.isArray(v) ? v : [v];
    if (list.length !== 1 || (list[0] !== -1 && list[0] !== rank - 1)) this.refuse('axis', 'the last (channel) axis, -1');
  }
}

const pooling = (make: (args: Parameters<typeof tf.layers.maxPooling2d>[0]) => tf.layers.Layer): Mapping => ({ layer }, s) => {
  s.channelsLast();
  return { layer: make({ name: layer.name, poolSize: s.ints('pool_size') as [number, number] | undefined, strides: s.ints('strides') as [number, number] | undefined, padding: s.padding() }), weights: 'none' };
};

/** Keras' Normalization: (x - mean) / max(sqrt(variance), 1e-7), as core's Standardize layer with those values per element. */
function normalization({ layer, weights, inputShape, where }: LayerContext, s: Settings): MappedLayer {
  s.is('invert', [false], 'invert=False (normalizing, not undoing a normalization)');
  s.lastAxis(inputShape.length);
  const fromConfig = (key: string) => (Array.isArray(s.get(key)) || typeof s.get(key) === 'number' ? Float32Array.from([s.get(key)].flat(2) as number[]) : undefined);
  const mean = fromConfig('mean') ?? weights[0]?.values;
  const variance = fromConfig('variance') ?? weights[1]?.values;
  const dims = inputShape.slice(1);
  if (!mean || !variance || dims.some((d) => d === null)) {
    throw new KerasFileError(`${where}: layer '${layer.name}' (Normalization) has no mean and variance (it was never adapted), or its input shape is not fully known; adapt it before saving.`);
  }
  const size = (dims as number[]).reduce((a, b) => a * b, 1);
  const channels = (dims as number[])[dims.length - 1]!;
  if (mean.length !== variance.length || (mean.length !== 1 && mean.length !== channels)) {
    throw new KerasFileError(`${where}: layer '${layer.name}' (Normalization) has ${mean.length} means and ${variance.length} variances for ${channels} channels; the weights do not match the config.`);
  }
  const at = (values: Float32Array, i: number) => values[values.length === 1 ? 0 : i % channels]!;
  const std = Float32Array.from({ length: size }, (_, i) => Math.max(Math.fround(Math.sqrt(at(variance, i))), 1e-7));
  return { layer: standardize({ name: layer.name, mean: Float32Array.from({ length: size }, (_, i) => at(mean, i)), std }), weights: 'used' };
}

/** Every Keras layer class the converter maps to tf.js, with the settings it honours. */
const MAPPINGS: Record<string, Mapping> = {
  Conv2D: ({ layer }, s) => {
    s.channelsLast();
    s.is('groups', [1, null], 'groups=1');
    return {
      layer: tf.layers.conv2d({
        name: layer.name,
        filters: s.number('filters', NaN),
        kernelSize: s.ints('kernel_size')!,
        strides: s.ints('strides') as [number, number] | undefined,
        dilationRate: s.ints('dilation_rate') as [number, number] | undefined,
        padding: s.padding(),
        activation: s.activation() as 'relu',
        useBias: s.get('use_bias') !== false,
      }),
      weights: 'copy',
    };
  },
  MaxPooling2D: pooling(tf.layers.maxPooling2d),
  AveragePooling2D: pooling(tf.layers.averagePooling2d),
  GlobalAveragePooling2D: ({ layer }, s) => {
    s.channelsLast();
    s.is('keepdims', [false], 'keepdims=False');
    return { layer: tf.layers.globalAveragePooling2d({ name: layer.name }), weights: 'none' };
  },
  Flatten: ({ layer }, s) => {
    s.channelsLast();
    return { layer: tf.layers.flatten({ name: layer.name }), weights: 'none' };
  },
  Reshape: ({ layer }, s) => ({ layer: tf.layers.reshape({ name: layer.name, targetShape: s.ints('target_shape')! }), weights: 'none' }),
  Dense: ({ layer }, s) => ({ layer: tf.layers.dense({ name: layer.name, units: s.number('units', NaN), activation: s.activation() as 'relu', useBias: s.get('use_bias') !== false }), weights: 'copy' }),
  // Dropout does nothing at inference; it is kept so the model reads like the Keras one.
  Dropout: ({ layer }, s) => ({ layer: tf.layers.dropout({ name: layer.name, rate: s.number('rate', 0) }), weights: 'none' }),
  BatchNormalization: ({ layer, inputShape }, s) => {
    s.lastAxis(inputShape.length);
    s.is('renorm', [false], 'renorm=False');
    return {
      layer: tf.layers.batchNormalization({ name: layer.name, axis: -1, epsilon: s.number('epsilon', 1e-3), momentum: s.number('momentum', 0.99), center: s.get('center') !== false, scale: s.get('scale') !== false }),
      weights: 'copy',
    };
  },
  Activation: ({ layer }, s) => ({ layer: tf.layers.activation({ name: layer.name, activation: s.activation() as 'relu' }), weights: 'none' }),
  ReLU: ({ layer }, s) => {
    s.is('threshold', [0, null], 'threshold=0');
    const slope = s.number('negative_slope', 0);
    const maxValue = s.get('max_value');
    if (slope !== 0) {
      s.is('max_value', [null], 'no max_value together with a negative_slope');
      return { layer: tf.layers.leakyReLU({ name: layer.name, alpha: slope }), weights: 'none' };
    }
    return { layer: tf.layers.reLU({ name: layer.name, ...(maxValue === null || maxValue === undefined ? {} : { maxValue: s.number('max_value', 0) }) }), weights: 'none' };
  },
  LeakyReLU: ({ layer }, s) => ({ layer: tf.layers.leakyReLU({ name: layer.name, alpha: s.number('alpha', s.number('negative_slope', 0.3)) }), weights: 'none' }),
  Rescaling: ({ layer }, s) => ({ layer: tf.layers.rescaling({ name: layer.name, scale: s.number('scale', 1), offset: s.number('offset', 0) }), weights: 'none' }),
  Normalization: normalization,
};

/** The Keras layer classes the converter supports, for messages (InputLayer is the model's input). */
export const SUPPORTED_LAYERS = ['InputLayer', ...Object.keys(MAPPINGS)];

/** Throws a KerasFileError naming `layer`, its class and what is supported, when the converter has no mapping for it. */
export function checkSupported(layer: KerasLayer, where: string): void {
  if (MAPPINGS[layer.className] && !layer.registeredAs) return;
  const custom = layer.registeredAs ? ` (a custom layer, registered as '${layer.registeredAs}')` : '';
  throw new KerasFileError(
    `${where}: layer '${layer.name}' is of class ${layer.className}${custom}, which the converter does not support. ` +
      `It converts models built from ${SUPPORTED_LAYERS.join(', ')}; rebuild the model from those layers (or retrain it with \`npm run pipeline\`).`,
  );
}

/** The tf.js layer for the Keras layer of `c` (checkSupported first). */
export function mapLayer(c: LayerContext): MappedLayer {
  checkSupported(c.layer, c.where);
  return MAPPINGS[c.layer.className]!(c, new Settings(c))!;
}
