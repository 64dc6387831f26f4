import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { RBF_DIGIT_BITMAPS, RbfOutput, rbfClassCodes, rbfOutput } from '../../../../core/layers/index.js';
import { maxAbsDiff, saveAndLoad, wrap, wrapped } from './save-and-load.js';

describe('RBF class codes', () => {
  it("are the paper's 7x12 +-1 bitmaps, one per class, each a different drawing", () => {
    const codes = rbfClassCodes();
    expect(codes).toHaveLength(10 * 84);
    expect(new Set(codes)).toEqual(new Set([-1, 1]));
    // Class 1 is the digit "1": its stem is column 3 of rows 1-9.
    for (let row = 1; row <= 9; row++) expect(codes[84 + row * 7 + 3], `row ${row}`).toBe(1);
    expect(codes.slice(84, 91).every((v) => v === -1)).toBe(true);
    for (let a = 0; a < 10; a++) {
      for (let b = a + 1; b < 10; b++) {
        const differing = codes.slice(a * 84, (a + 1) * 84).filter((v, j) => v !== codes[b * 84 + j]).length;
        expect(differing, `codes ${a} and ${b}`).toBeGreaterThanOrEqual(7);
      }
    }
  });

  it('says which bitmap is malformed', () => {
    const rows = RBF_DIGIT_BITMAPS[2] as string[];
    const saved = rows[4]!;
    rows[4] = '..x....';
    try {
      expect(() => rbfClassCodes()).toThrow(/RBF code 2 is not a 7x12 bitmap/);
    } finally {
      rows[4] = saved;
    }
  });
});

describe('RbfOutput', () => {
  it('returns softmax(-squared distance to each code), with no trainable parameters', () => {
    const model = wrap(rbfOutput(), [84]);
    const layer = wrapped(model) as RbfOutput;
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.countParams()).toBe(840);
    const codes = rbfClassCodes();
    const x = Float32Array.from({ length: 84 }, (_, j) => 0.5 * codes[3 * 84 + j]! + 0.1 * Math.sin(j));
    const distances = Array.from({ length: 10 }, (_, i) => x.reduce((s, v, j) => s + (v - codes[i * 84 + j]!) ** 2, 0));
    const exp = distances.map((d) => Math.exp(-(d - Math.min(...distances))));
    const expected = exp.map((e) => e / exp.reduce((a, b) => a + b, 0));
    const y = (model.predict(tf.tensor2d(x, [1, 84])) as tf.Tensor).dataSync();
    expected.forEach((p, i) => expect(y[i]).toBeCloseTo(p, 4));
    expect(y.indexOf(Math.max(...y))).toBe(3);
    const d = layer.distances(tf.tensor2d(x, [1, 84])).dataSync();
    distances.forEach((v, i) => expect(d[i]).toBeCloseTo(v, 3));
  });

  it('refuses an input that is not 84 units wide, saying what it needs', () => {
    expect(() => wrap(rbfOutput(), [80])).toThrow(/expects \[batch, 84\].*got \[null, 80\]/);
  });

  it('survives save/load', async () => {
    const model = wrap(rbfOutput(), [84]);
    const { loaded } = await saveAndLoad(model);
    expect(wrapped(loaded)).toBeInstanceOf(RbfOutput);
    const x = tf.randomUniform([3, 84], -1.7, 1.7, 'float32', 1);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
  });
});
