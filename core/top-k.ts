import { CLASS_NAMES, NUM_CLASSES } from './model-contract.js';

/** One ranked prediction. */
export interface TopKEntry {
  /** Class label index, 0..9. */
  index: number;
  /** Class name, CLASS_NAMES[index]. */
  label: string;
  /** Softmax probability, 0..1. */
  probability: number;
}

/**
 * The k most probable classes, most probable first; equal probabilities keep label order (lower
 * index first), so the result never depends on sort stability. Throws when k is not an integer
 * in 1..10 or the probabilities are not 10 finite numbers.
 */
export function topK(probabilities: ArrayLike<number>, k: number): TopKEntry[] {
  if (probabilities.length !== NUM_CLASSES) throw new Error(`topK needs ${NUM_CLASSES} probabilities (one per class), got ${probabilities.length}.`);
  if (!Number.isInteger(k) || k < 1 || k > NUM_CLASSES) throw new Error(`topK: k must be an integer from 1 to ${NUM_CLASSES}, got ${k}.`);
  const entries = Array.from(probabilities, (probability, index) => ({ index, label: CLASS_NAMES[index]!, probability }));
  const bad = entries.find((e) => !Number.isFinite(e.probability));
  if (bad) throw new Error(`topK: the probability of ${bad.label} is ${bad.probability}; the model produced an invalid output.`);
  return entries.sort((a, b) => b.probability - a.probability || a.index - b.index).slice(0, k);
}
