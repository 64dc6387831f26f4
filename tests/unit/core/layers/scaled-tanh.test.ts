import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { ScaledTanh, scaledTanh } from '../../../../core/layers/index.js';
import { maxAbsDiff, saveAndLoad, wrap, wrapped } from './save-and-load.js';

describe('ScaledTanh', () => {
  it('is 1.7159 tanh(2a/3): f(0) = 0, f(+-1) = +-1 (LeCun\'s choice), odd, saturating at +-1.7159', () => {
    const y = (scaledTanh().apply(tf.tensor1d([0, 1, -1, 3, -3, 100])) as tf.Tensor).dataSync();
    expect(y[0]).toBe(0);
    expect(y[1]).toBeCloseTo(1, 3);
    expect(y[2]).toBeCloseTo(-1, 3);
    expect(y[3]).toBeCloseTo(1.7159 * Math.tanh(2), 5);
    expect(y[4]).toBeCloseTo(-1.7159 * Math.tanh(2), 5);
    expect(y[5]).toBeCloseTo(1.7159, 5);
  });

  it('has no parameters, keeps the shape, and survives save/load', async () => {
    const model = wrap(scaledTanh(), [4, 4, 3]);
    expect(wrapped(model).countParams()).toBe(0);
    expect(model.outputs[0]!.shape).toEqual([null, 4, 4, 3]);
    const { loaded } = await saveAndLoad(model);
    expect(wrapped(loaded)).toBeInstanceOf(ScaledTanh);
    const x = tf.randomNormal([2, 4, 4, 3], 0, 2, 'float32', 3);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
  });
});
