import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../../../../pipeline/data/image-set.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';

const set: ImageSet = {
  images: Uint8Array.from({ length: 5 * 784 }, (_, i) => Math.floor(i / 784)),
  labels: Uint8Array.from([4, 3, 2, 1, 0]),
  count: 5,
};

describe('takeFirst', () => {
  it('returns the first n images and labels as views of the same memory', () => {
    const first = takeFirst(set, 2);
    expect(first.count).toBe(2);
    expect([...first.labels]).toEqual([4, 3]);
    expect(first.images.length).toBe(2 * 784);
    expect([first.images[0], first.images[784 * 2 - 1]]).toEqual([0, 1]);
    expect(first.images.buffer).toBe(set.images.buffer);
  });

  it('returns the whole set when n is larger, and nothing for 0', () => {
    expect(takeFirst(set, 99)).toMatchObject({ count: 5 });
    expect(takeFirst(set, 0)).toMatchObject({ count: 0 });
    expect(takeFirst(set, 0).images.length).toBe(0);
  });

  it('refuses a negative or fractional n', () => {
    expect(() => takeFirst(set, -1)).toThrow(RangeError);
    expect(() => takeFirst(set, 1.5)).toThrow(/whole number of images >= 0, got 1.5/);
  });
});
