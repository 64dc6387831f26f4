import type { WeightDtype } from '../../../core/types.js';
import { predictionModeName } from '../model-label.js';
import { ownAccuracy, ownPhotos } from '../own-mode.js';
import type { ModelReport } from '../report-types.js';
import { secondsPerEpoch } from '../seconds-per-epoch.js';
import { escapeHtml } from './escape-html.js';
import { bytes, integer, percent } from './format.js';

const DTYPES: readonly WeightDtype[] = ['float32', 'float16', 'uint8'];

/** Size and accuracy of one weight dtype of a model, or a dash when it was not exported. */
function dtypeCell(m: ModelReport, dtype: WeightDtype): string {
  const variant = m.metadata.weights.variants?.find((v) => v.dtype === dtype);
  const shipped = m.metadata.weights.dtype === dtype ? ' class="shipped" title="shipped"' : '';
  if (variant) return `<td${shipped}>${bytes(variant.weightBytes)}<br><small>${percent(variant.testAccuracy)}</small></td>`;
  if (m.metadata.weights.dtype === dtype) return `<td${shipped}>${bytes(m.shippedWeightBytes)}</td>`;
  return '<td class="none">—</td>';
}

/** The worst suite change in the model's own mode ('none' left out), with its id. */
function worstChange(m: ModelReport): string {
  const changed = m.robustness.results.filter((r) => r.change !== 'none');
  if (changed.length === 0) return '<td class="none">—</td>';
  const worst = changed.reduce((a, b) => (ownAccuracy(b, m.metadata) < ownAccuracy(a, m.metadata) ? b : a));
  return `<td class="num">${percent(ownAccuracy(worst, m.metadata), 1)}<br><small>${escapeHtml(worst.change)}</small></td>`;
}

/** Real photos right at top-1 and top-3, in the model's own mode. */
function realPhotos(m: ModelReport): string {
  const a = ownPhotos(m.shopPhotos.metrics, m.metadata);
  return `<td class="num">${percent(a.top1, 1)}<br><small>top-3 ${percent(a.top3, 1)}</small></td>`;
}

/**
 * One row per model: test accuracy and loss (float32, as trained), validation accuracy,
 * trainable parameters, weight size (and accuracy) per dtype with the shipped one marked, time per
 * epoch, training throughput, its worst robustness-suite change and the real photos; under its name,
 * how it is run (alone or mirror-averaged).
 */
export function renderComparisonTable(models: readonly ModelReport[]): string {
  const rows = models.map((m) => {
    const t = m.metadata.training;
    return `<tr><th scope="row"><a href="#model-${escapeHtml(m.metadata.id)}">${escapeHtml(m.metadata.displayName)}</a><br><small>${escapeHtml(predictionModeName(m.metadata))}</small></th>
<td class="num">${percent(m.metadata.metrics.testAccuracy)}</td><td class="num">${m.metadata.metrics.testLoss.toFixed(4)}</td><td class="num">${percent(m.metadata.metrics.validationAccuracy)}</td>
<td class="num">${integer(m.metadata.trainableParams)}</td>${DTYPES.map((d) => dtypeCell(m, d)).join('')}
${t ? `<td class="num">${secondsPerEpoch(t).toFixed(1)}</td><td class="num">${integer(t.samplesPerSecond)}</td>` : '<td class="none" title="converted from Keras">—</td><td class="none" title="converted from Keras">—</td>'}
${worstChange(m)}${realPhotos(m)}</tr>`;
  });
  return `<table class="comparison">
<thead><tr><th>Model<br><small>how it is run</small></th><th class="num">Test accuracy</th><th class="num">Test loss</th><th class="num">Validation accuracy</th><th class="num">Trainable params</th>${DTYPES.map((d) => `<th>${d} weights<br><small>size, test accuracy</small></th>`).join('')}<th class="num">Seconds per epoch</th><th class="num">Samples/s</th><th class="num"><a href="#robustness">Suite</a>, worst change</th><th class="num"><a href="#shop-photos">Real photos</a> top-1</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
