import { describe, expect, it } from 'vitest';
import { scorePredictions } from '../../../../pipeline/shared/score-predictions.js';

function oneRow(index: number, p: number): number[] {
  const row = new Array(10).fill((1 - p) / 9);
  row[index] = p;
  return row;
}

describe('scorePredictions', () => {
  it('computes accuracy, loss, the confusion matrix and per-class accuracy', () => {
    const probs = Float32Array.from([...oneRow(0, 0.9), ...oneRow(1, 0.6), ...oneRow(2, 0.5)]);
    const labels = Uint8Array.from([0, 1, 1]);
    const s = scorePredictions(probs, labels);
    expect(s.accuracy).toBeCloseTo(2 / 3, 6);
    expect(s.loss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.6) + Math.log(0.5 / 9)) / 3, 5);
    expect(s.confusion[0]![0]).toBe(1);
    expect(s.confusion[1]![1]).toBe(1);
    expect(s.confusion[1]![2]).toBe(1);
    expect(s.perClassAccuracy[1]).toBeCloseTo(0.5);
    expect(Array.from(s.predicted)).toEqual([0, 1, 2]);
  });
});
