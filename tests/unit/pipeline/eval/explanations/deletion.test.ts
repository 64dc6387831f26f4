import { describe, expect, it } from 'vitest';
import { DELETED_PIXELS, deletePixels, mostImportantPixels, randomPixels } from '../../../../../pipeline/eval/explanations/deletion.js';
import { rankCorrelation } from '../../../../../pipeline/eval/explanations/rank-correlation.js';
import { mulberry32 } from '../../../../../pipeline/shared/seeded-random.js';

describe('deletion', () => {
  it('deletes 78 of 784 pixels (10%)', () => expect(DELETED_PIXELS).toBe(78));

  it('picks the highest values, ties in index order', () => {
    expect(mostImportantPixels([0.1, 5, -3, 5, 2], 3)).toEqual([1, 3, 4]);
    expect(() => mostImportantPixels([1, 2], 3)).toThrow('Cannot pick 3 pixels of a map of 2.');
  });

  it('draws distinct pixels, the same for the same seed', () => {
    const a = randomPixels(mulberry32(1));
    expect(new Set(a).size).toBe(78);
    expect(a.every((i) => i >= 0 && i < 784)).toBe(true);
    expect(randomPixels(mulberry32(1))).toEqual(a);
    expect(randomPixels(mulberry32(2))).not.toEqual(a);
    expect(() => randomPixels(mulberry32(1), 5, 4)).toThrow('Cannot draw 5 distinct pixels of 4.');
  });

  it('sets the deleted pixels to the black background, on a copy', () => {
    const image = Uint8Array.from([9, 8, 7, 6]);
    expect(Array.from(deletePixels(image, [0, 2]))).toEqual([0, 8, 0, 6]);
    expect(Array.from(image)).toEqual([9, 8, 7, 6]);
  });
});

describe('rankCorrelation', () => {
  it('is 1 for the same order, -1 for the reverse, near 0 for unrelated maps', () => {
    expect(rankCorrelation([1, 2, 3, 4], [10, 20, 30, 400])).toBeCloseTo(1, 10);
    expect(rankCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 10);
    const random = mulberry32(3);
    const a = Array.from({ length: 784 }, random);
    const b = Array.from({ length: 784 }, random);
    expect(Math.abs(rankCorrelation(a, b))).toBeLessThan(0.1);
    expect(() => rankCorrelation([1], [1, 2])).toThrow('rankCorrelation needs two maps of the same size, got 1 and 2.');
  });

  it('gives ties their mean rank', () => {
    expect(rankCorrelation([0, 0, 1, 2], [0, 0, 1, 2])).toBeCloseTo(1, 10);
    expect(rankCorrelation([0, 0, 0, 1], [1, 2, 3, 4])).toBeCloseTo(0.7746, 3);
  });
});
