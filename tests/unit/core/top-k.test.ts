import { describe, expect, it } from 'vitest';
import { topK } from '../../../core/top-k.js';

describe('topK', () => {
  const probs = [0.01, 0.02, 0.5, 0.03, 0.2, 0.04, 0.1, 0.05, 0.03, 0.02];

  it('returns the k most probable classes with their names, most probable first', () => {
    expect(topK(probs, 3)).toEqual([
      { index: 2, label: 'Pullover', probability: 0.5 },
      { index: 4, label: 'Coat', probability: 0.2 },
      { index: 6, label: 'Shirt', probability: 0.1 },
    ]);
    expect(topK(Float32Array.from(probs), 1)[0]!.label).toBe('Pullover');
    expect(topK(probs, 10).map((e) => e.index)).toEqual([2, 4, 6, 7, 5, 3, 8, 1, 9, 0]);
  });

  it('breaks ties by label order (lower index first)', () => {
    expect(topK(new Array(10).fill(0.1), 4).map((e) => e.index)).toEqual([0, 1, 2, 3]);
    expect(topK([0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0.5], 2).map((e) => e.label)).toEqual(['Sneaker', 'Ankle boot']);
  });

  it('validates k and the probabilities', () => {
    expect(() => topK(probs, 0)).toThrow('k must be an integer from 1 to 10, got 0');
    expect(() => topK(probs, 11)).toThrow('got 11');
    expect(() => topK(probs, 2.5)).toThrow('got 2.5');
    expect(() => topK([0.5, 0.5], 1)).toThrow('needs 10 probabilities (one per class), got 2');
    expect(() => topK([...probs.slice(0, 9), Number.NaN], 3)).toThrow('the probability of Ankle boot is NaN');
  });
});
