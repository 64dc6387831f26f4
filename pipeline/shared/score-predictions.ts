import { NUM_CLASSES } from '../../core/model-contract.js';

/** How a model did on a labelled set. */
export interface Scores {
  /** Fraction correct (top-1). */
  accuracy: number;
  /** Mean sparse categorical cross-entropy (probabilities clipped to [1e-7, 1-1e-7], as Keras does). */
  loss: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Accuracy per true class. */
  perClassAccuracy: number[];
  /** Predicted class of each sample. */
  predicted: Uint8Array;
}

/** Scores softmax outputs `probs` (count*10) against `labels`. Pure. */
export function scorePredictions(probs: Float32Array, labels: Uint8Array): Scores {
  const count = labels.length;
  const confusion = Array.from({ length: NUM_CLASSES }, () => new Array<number>(NUM_CLASSES).fill(0));
  const predicted = new Uint8Array(count);
  let lossSum = 0;
  let correct = 0;
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let c = 1; c < NUM_CLASSES; c++) if (probs[i * NUM_CLASSES + c]! > probs[i * NUM_CLASSES + best]!) best = c;
    const label = labels[i]!;
    predicted[i] = best;
    confusion[label]![best]! += 1;
    if (best === label) correct++;
    const p = Math.min(1 - 1e-7, Math.max(1e-7, probs[i * NUM_CLASSES + label]!));
    lossSum -= Math.log(p);
  }
  const perClassAccuracy = confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total ? row[c]! / total : 0;
  });
  return { accuracy: count ? correct / count : 0, loss: count ? lossSum / count : 0, confusion, perClassAccuracy, predicted };
}
