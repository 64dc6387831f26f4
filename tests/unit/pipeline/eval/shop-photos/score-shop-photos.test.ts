import { describe, expect, it } from 'vitest';
import { scoreShopPhotos } from '../../../../../pipeline/eval/shop-photos.js';

/** Ten probabilities: `ranked` classes get 0.5, 0.3, 0.1 in that order, the rest share what is left. */
function probs(...ranked: number[]): Float32Array {
  const top = [0.5, 0.3, 0.1];
  const p = new Float32Array(10).fill((1 - top.slice(0, ranked.length).reduce((a, b) => a + b, 0)) / (10 - ranked.length));
  ranked.forEach((c, i) => (p[c] = top[i]!));
  return p;
}

const input = (v: number) => new Uint8Array(784).fill(v);
// Two T-shirts, one bag, one sneaker (classes 0, 0, 8, 7), listed out of label order.
const photos = [
  { file: '0/a.png', label: 0, input: input(1) },
  { file: '8/b.jpg', label: 8, input: input(2) },
  { file: '0/c.png', label: 0, input: input(3) },
  { file: '7/d.png', label: 7, input: input(4) },
];
// Alone: a right; b third; c wrong (not in top 3); d second.
const alone = [probs(0, 6, 2), probs(1, 4, 8), probs(6, 4, 2), probs(9, 7, 5)];
// Mirror-averaged: a right; b right; c second; d wrong.
const averaged = [probs(0, 2, 6), probs(8, 1, 4), probs(6, 0, 2), probs(9, 5, 8)];

describe('scoreShopPhotos', () => {
  it('gives top-1 and top-3 over all photos, alone and mirror-averaged', () => {
    const { metrics } = scoreShopPhotos(photos, alone, averaged, false);
    expect(metrics.overall).toEqual({ count: 4, top1: 1 / 4, top3: 3 / 4 });
    expect(metrics.mirrorAveraged).toEqual({ count: 4, top1: 2 / 4, top3: 3 / 4 });
  });

  it('gives each class present, in label order, with the model\'s own mode', () => {
    expect(scoreShopPhotos(photos, alone, averaged, false).metrics.perClass).toEqual([
      { classIndex: 0, count: 2, top1: 1 / 2, top3: 1 / 2 },
      { classIndex: 7, count: 1, top1: 0, top3: 1 },
      { classIndex: 8, count: 1, top1: 0, top3: 1 },
    ]);
    expect(scoreShopPhotos(photos, alone, averaged, true).metrics.perClass).toEqual([
      { classIndex: 0, count: 2, top1: 1 / 2, top3: 1 },
      { classIndex: 7, count: 1, top1: 0, top3: 0 },
      { classIndex: 8, count: 1, top1: 1, top3: 1 },
    ]);
  });

  it('gives each photo its top 3, whether it is right, and the input it saw, in the photos\' order', () => {
    const { perPhoto } = scoreShopPhotos(photos, alone, averaged, true);
    expect(perPhoto.map((p) => [p.file, p.label, p.correctTop1, p.correctTop3])).toEqual([
      ['0/a.png', 0, true, true],
      ['8/b.jpg', 8, true, true],
      ['0/c.png', 0, false, true],
      ['7/d.png', 7, false, false],
    ]);
    expect(perPhoto[2]!.top3.map((e) => [e.index, e.label])).toEqual([[6, 'Shirt'], [0, 'T-shirt/top'], [2, 'Pullover']]);
    expect(perPhoto[2]!.top3[0]!.probability).toBeCloseTo(0.5, 6);
    expect(perPhoto[3]!.input).toBe(photos[3]!.input);
    expect(scoreShopPhotos(photos, alone, averaged, false).perPhoto[1]!.top3.map((e) => e.index)).toEqual([1, 4, 8]);
  });

  it('ranks a tie by label order, as the extension\'s top 3 does', () => {
    const flat = new Float32Array(10).fill(0.1);
    const { perPhoto, metrics } = scoreShopPhotos([{ file: 'x', label: 3, input: input(0) }], [flat], [flat], false);
    expect(perPhoto[0]!.top3.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(metrics.overall).toEqual({ count: 1, top1: 0, top3: 0 });
  });

  it('gives zeros for no photos, and refuses a probability list of the wrong length', () => {
    expect(scoreShopPhotos([], [], [], false).metrics).toEqual({ overall: { count: 0, top1: 0, top3: 0 }, mirrorAveraged: { count: 0, top1: 0, top3: 0 }, perClass: [] });
    expect(() => scoreShopPhotos(photos, alone.slice(1), averaged, false)).toThrow('scoreShopPhotos got 3 probabilities for 4 photos; it needs one set of 10 per photo.');
    expect(() => scoreShopPhotos(photos, alone, [], false)).toThrow('scoreShopPhotos got 0 mirror-averaged probabilities for 4 photos');
  });
});
