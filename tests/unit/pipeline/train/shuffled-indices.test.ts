import { describe, expect, it } from 'vitest';
import { shuffledIndices } from '../../../../pipeline/train/shuffled-indices.js';

describe('shuffledIndices', () => {
  it('is a permutation, the same for the same seed and epoch', () => {
    const a = shuffledIndices(1000, 42, 0);
    expect([...a].sort((x, y) => x - y)).toEqual([...Array(1000).keys()]);
    expect(shuffledIndices(1000, 42, 0)).toEqual(a);
  });
  it('differs between epochs and seeds', () => {
    const a = shuffledIndices(1000, 42, 0);
    expect(shuffledIndices(1000, 42, 1)).not.toEqual(a);
    expect(shuffledIndices(1000, 43, 0)).not.toEqual(a);
  });
});
