import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { RbfOutput, rbfCodes, rbfOutput } from '../../../../core/layers/index.js';
import { maxAbsDiff, saveAndLoad, wrap, wrapped } from './save-and-load.js';

describe('RbfOutput', () => {
  it('uses fixed, reproducible +-1 codes that differ between classes', () => {
    const codes = rbfCodes(10, 84, 0);
    expect(new Set(codes)).toEqual(new Set([-1, 1]));
    expect(Array.from(rbfCodes(10, 84, 0))).toEqual(Array.from(codes));
    for (let a = 0; a < 10; a++) {
      for (let b = a + 1; b < 10; b++) {
        const differing = codes.slice(a * 84, (a + 1) * 84).filter((v, j) => v !== codes[b * 84 + j]).length;
        expect(differing, `codes ${a} and ${b}`).toBeGreaterThan(20);
      }
    }
  });

  it('returns softmax(-squared distance to each code), with no trainable parameters', () => {
    const model = wrap(rbfOutput({ units: 10 }), [84]);
    const layer = wrapped(model);
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.countParams()).toBe(840);
    const codes = rbfCodes(10, 84, 0);
    const x = Float32Array.from({ length: 84 }, (_, j) => 0.5 * codes[3 * 84 + j]! + 0.1 * Math.sin(j));
    const distances = Array.from({ length: 10 }, (_, i) => x.reduce((s, v, j) => s + (v - codes[i * 84 + j]!) ** 2, 0));
    const exp = distances.map((d) => Math.exp(-(d - Math.min(...distances))));
    const expected = exp.map((e) => e / exp.reduce((a, b) => a + b, 0));
    const y = (model.predict(tf.tensor2d(x, [1, 84])) as tf.Tensor).dataSync();
    expected.forEach((p, i) => expect(y[i]).toBeCloseTo(p, 4));
    expect(y.indexOf(Math.max(...y))).toBe(3);
  });

  it('survives save/load', async () => {
    const model = wrap(rbfOutput({ units: 10, codeSeed: 4 }), [84]);
    const { loaded } = await saveAndLoad(model);
    expect(wrapped(loaded)).toBeInstanceOf(RbfOutput);
    const x = tf.randomUniform([3, 84], -1.7, 1.7, 'float32', 1);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
  });
});
