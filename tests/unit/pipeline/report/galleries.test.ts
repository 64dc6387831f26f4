import { describe, expect, it } from 'vitest';
import { confidentMistakes } from '../../../../pipeline/report/confident-mistakes.js';
import { firstPredictions } from '../../../../pipeline/report/first-predictions.js';

/** count images whose pixels are all i (so a picture can be traced to its index), and one-hot-ish probabilities. */
function fixture(rows: [label: number, predicted: number, confidence: number][]) {
  const images = new Uint8Array(rows.length * 784);
  rows.forEach((_, i) => images.fill(i, i * 784, (i + 1) * 784));
  const labels = Uint8Array.from(rows.map((r) => r[0]));
  const probabilities = new Float32Array(rows.length * 10);
  rows.forEach(([, predicted, confidence], i) => {
    for (let c = 0; c < 10; c++) probabilities[i * 10 + c] = (1 - confidence) / 9;
    probabilities[i * 10 + predicted] = confidence;
  });
  return { images, labels, probabilities };
}

describe('firstPredictions', () => {
  it('gives the first n images with their pixels, label and top-3', () => {
    const { images, labels, probabilities } = fixture([[9, 9, 0.9], [2, 4, 0.6], [1, 1, 0.99], [0, 6, 0.5]]);
    const items = firstPredictions(probabilities, labels, images, 3);
    expect(items.map((i) => i.index)).toEqual([0, 1, 2]);
    expect(items[1]!.label).toBe(2);
    expect(items[1]!.top.map((t) => t.label)).toEqual(['Coat', 'T-shirt/top', 'Trouser']);
    expect(items[1]!.top[0]!.probability).toBeCloseTo(0.6, 6);
    expect(items[2]!.pixels).toEqual(new Uint8Array(784).fill(2));
    expect(firstPredictions(probabilities, labels, images, 10)).toHaveLength(4);
  });
});

describe('confidentMistakes', () => {
  it('lists only wrong predictions, most confident first, ties by index', () => {
    const { images, labels, probabilities } = fixture([
      [0, 0, 0.99], // right
      [2, 4, 0.6],
      [3, 1, 0.95],
      [5, 7, 0.6],
      [6, 0, 0.8],
      [8, 8, 0.3], // right, unsure
    ]);
    const mistakes = confidentMistakes(probabilities, labels, images, 3);
    expect(mistakes.map((m) => m.index)).toEqual([2, 4, 1]);
    expect(mistakes[0]!.top[0]!.label).toBe('Trouser');
    expect(mistakes[0]!.pixels[100]).toBe(2);
    expect(confidentMistakes(probabilities, labels, images, 16).map((m) => m.index)).toEqual([2, 4, 1, 3]);
    const allRight = fixture([[1, 1, 0.9]]);
    expect(confidentMistakes(allRight.probabilities, allRight.labels, allRight.images)).toEqual([]);
  });
});
