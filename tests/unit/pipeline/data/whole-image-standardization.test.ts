import { describe, expect, it } from 'vitest';
import { computeStandardization, STD_EPSILON } from '../../../../pipeline/data/standardization.js';
import { wholeImageStandardization } from '../../../../pipeline/data/whole-image-standardization.js';
import { buildSet } from './image-set-fixture.js';


describe('wholeImageStandardization', () => {
  it('equals the mean and population std of every pixel of every image, pooled, in all 784 places', () => {
    const set = buildSet(37, (i, p) => (i * 131 + p * 17 + ((i * p) % 23)) % 256);
    const { mean, std } = wholeImageStandardization(computeStandardization(set));
    const all = Array.from(set.images);
    const m = all.reduce((a, b) => a + b, 0) / all.length;
    const s = Math.sqrt(all.reduce((a, b) => a + (b - m) ** 2, 0) / all.length);
    expect(mean).toHaveLength(784);
    expect(std).toHaveLength(784);
    expect(new Set(mean).size).toBe(1);
    expect(new Set(std).size).toBe(1);
    expect(mean[0]).toBeCloseTo(m, 3);
    expect(std[0]).toBeCloseTo(s + STD_EPSILON, 3);
  });

  it('keeps std > 0 for a blank set (standardizing gives 0, not NaN)', () => {
    const { mean, std } = wholeImageStandardization(computeStandardization(buildSet(3, () => 9)));
    expect(mean[0]).toBe(9);
    expect(std[0]).toBeGreaterThan(0);
    expect((9 - mean[0]!) / std[0]!).toBe(0);
  });

  it('refuses mismatched arrays with a sentence', () => {
    expect(() => wholeImageStandardization({ mean: new Float32Array(784), std: new Float32Array(10) })).toThrow(/equal, non-empty mean and std arrays, got 784 and 10/);
  });
});
