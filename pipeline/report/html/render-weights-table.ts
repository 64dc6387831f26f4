import type { ModelReport } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { bytes, percent, points } from './format.js';

/**
 * The model's exported weight variants: size, test accuracy loaded back through core's loader,
 * the difference from float32, and which one ships (the smallest within SHIPPING_TOLERANCE of float32).
 */
export function renderWeightsTable(m: ModelReport): string {
  const variants = m.metadata.weights.variants ?? [];
  if (variants.length === 0) {
    return `<p class="note">Not quantized yet: the shipped weights are ${escapeHtml(m.metadata.weights.dtype)}, ${bytes(m.shippedWeightBytes)}.</p>`;
  }
  const reference = variants.find((v) => v.dtype === 'float32')?.testAccuracy;
  const rows = variants.map((v) => {
    const shipped = v.dtype === m.metadata.weights.dtype;
    const diff = reference === undefined ? '' : points(v.testAccuracy - reference);
    return `<tr${shipped ? ' class="shipped"' : ''}><td>${escapeHtml(v.dtype)}</td><td class="num">${bytes(v.weightBytes)}</td><td class="num">${percent(v.testAccuracy)}</td><td class="num">${diff}</td><td>${shipped ? 'shipped' : ''}</td></tr>`;
  });
  return `<table class="weights">
<thead><tr><th>Weights</th><th class="num">Size</th><th class="num">Test accuracy</th><th class="num">vs float32</th><th></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
