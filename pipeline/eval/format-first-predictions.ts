import { CLASS_NAMES, NUM_CLASSES } from '../../core/model-contract.js';

/**
 * The seed notebook's last cells: the probabilities for the first test images (rounded to 2
 * decimals, like `y_proba.round(2)`), the predicted class and the true one.
 */
export function formatFirstPredictions(probs: Float32Array, labels: Uint8Array, count = 10): string {
  const lines = [`Probabilities for the first ${count} test images (${CLASS_NAMES.map((c, i) => `${i}=${c}`).join(', ')}):`];
  for (let i = 0; i < Math.min(count, labels.length); i++) {
    const row = Array.from(probs.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
    const predicted = row.indexOf(Math.max(...row));
    const mark = predicted === labels[i] ? 'ok ' : 'BAD';
    lines.push(`  [${row.map((p) => p.toFixed(2)).join(' ')}]  ${mark} predicted ${CLASS_NAMES[predicted]}, true ${CLASS_NAMES[labels[i]!]}`);
  }
  return lines.join('\n');
}
