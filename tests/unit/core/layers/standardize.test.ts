import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { Standardize, standardize } from '../../../../core/layers/index.js';
import { maxAbsDiff, saveAndLoad, wrap, wrapped } from './save-and-load.js';

const mean = Float32Array.from({ length: 784 }, (_, i) => (i % 256) * 0.5);
const std = Float32Array.from({ length: 784 }, (_, i) => 1 + (i % 7));

describe('Standardize', () => {

  it('computes (x - mean) / std per pixel', () => {
    const layer = standardize({ mean, std });
    const x = tf.tensor4d(Float32Array.from({ length: 2 * 784 }, (_, i) => (i * 37) % 256), [2, 28, 28, 1]);
    const y = (layer.apply(x) as tf.Tensor).dataSync();
    const xs = x.dataSync();
    for (const i of [0, 1, 27, 28, 400, 783, 784, 1000, 1567]) expect(y[i]).toBeCloseTo((xs[i]! - mean[i % 784]!) / std[i % 784]!, 5);
  });

  it('keeps mean and std as non-trainable weights, with no trainable parameters', () => {
    const model = wrap(standardize({ mean, std }), [28, 28, 1]);
    const layer = wrapped(model);
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.nonTrainableWeights.map((w) => [w.originalName, w.shape])).toEqual([
      [`${layer.name}/mean`, [28, 28, 1]],
      [`${layer.name}/std`, [28, 28, 1]],
    ]);
    expect(layer.countParams()).toBe(1568);
    expect(layer.computeOutputShape([null, 28, 28, 1])).toEqual([null, 28, 28, 1]);
  });

  it('saves mean and std in the weight shards, not in model.json, and restores them on load', async () => {
    const model = wrap(standardize({ mean, std }), [28, 28, 1]);
    const { loaded, modelJson } = await saveAndLoad(model);
    const config = JSON.parse(modelJson).modelTopology.config.layers[1].config;
    expect(config.name).toBe(wrapped(model).name);
    expect(Object.keys(config).sort()).toEqual(['name', 'trainable']);
    expect(modelJson.length).toBeLessThan(2000);
    expect(wrapped(loaded)).toBeInstanceOf(Standardize);
    const x = tf.randomUniform([3, 28, 28, 1], 0, 255, 'float32', 1);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
    expect(loaded.getWeights()[0]!.dataSync()).toEqual(mean);
  });

  it('refuses a zero std, a wrong length, or mean without std', () => {
    expect(() => standardize({ mean, std: new Float32Array(784) })).toThrow(/std\[0\] is 0.*> 0/);
    expect(() => standardize({ mean } as never)).toThrow(/both mean and std/);
    expect(() => wrap(standardize({ mean: mean.slice(1), std: std.slice(1) }), [28, 28, 1])).toThrow(/mean has 783 values but the input \[28, 28, 1\] has 784/);
  });
});
