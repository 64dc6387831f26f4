import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import type { ImageSet } from '../../../../pipeline/data/image-set.js';
import { computeStandardization, STD_EPSILON } from '../../../../pipeline/data/standardization.js';
import { REAL_DIR } from './idx-fixtures.js';
import { buildSet } from './image-set-fixture.js';


describe('computeStandardization on the 55,000 training images', () => {
  let train: ImageSet;
  let mean: Float32Array;
  let std: Float32Array;
  beforeAll(async () => {
    train = (await loadFashionMnist({ dataDir: REAL_DIR })).train;
    ({ mean, std } = computeStandardization(train));
  });

  it('matches a two-pass float64 mean and population std (+1e-7) for every pixel', () => {
    const n = train.count;
    for (let p = 0; p < 784; p++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += train.images[i * 784 + p]!;
      const m = s / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (train.images[i * 784 + p]! - m) ** 2;
      expect(mean[p]).toBe(Math.fround(m));
      expect(Math.abs(std[p]! - (Math.sqrt(ss / n) + 1e-7))).toBeLessThanOrEqual(Math.sqrt(ss / n) * 1e-6 + 1e-12);
    }
  });

  it('gives every pixel mean ~0 and std ~1 once applied in float32, as the model does', () => {
    const n = train.count;
    const sum = new Float64Array(784);
    const sumSq = new Float64Array(784);
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < 784; p++) {
        const z = Math.fround((train.images[i * 784 + p]! - mean[p]!) / std[p]!);
        sum[p] = sum[p]! + z;
        sumSq[p] = sumSq[p]! + z * z;
      }
    }
    for (let p = 0; p < 784; p++) {
      const m = sum[p]! / n;
      expect(Math.abs(m)).toBeLessThan(1e-4);
      expect(Math.abs(Math.sqrt(sumSq[p]! / n - m * m) - 1)).toBeLessThan(1e-4);
    }
  });
});

describe('computeStandardization edge cases', () => {
  it('uses the population std (numpy ddof=0), not the sample std', () => {
    const { mean, std } = computeStandardization(buildSet(2, (i) => (i === 0 ? 0 : 255)));
    expect(mean[100]).toBe(127.5);
    expect(std[100]).toBe(Math.fround(127.5 + STD_EPSILON));
  });

  it('gives a constant pixel std 1e-7, so standardizing it yields 0, never NaN or Infinity', () => {
    const set = buildSet(50, (i, p) => (p === 5 ? 7 : (i * 31 + p) % 256));
    const { mean, std } = computeStandardization(set);
    expect(mean[5]).toBe(7);
    expect(std[5]).toBe(Math.fround(1e-7));
    expect((set.images[5]! - mean[5]!) / std[5]!).toBe(0);
    expect(std.every((s) => Number.isFinite(s) && s > 0)).toBe(true);
  });

  it('refuses an empty set instead of returning NaN', () => {
    expect(() => computeStandardization({ images: new Uint8Array(), labels: new Uint8Array(), count: 0 })).toThrow(/at least one image/);
  });
});
