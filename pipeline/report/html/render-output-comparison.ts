import type { ModelMetadata } from '../../../core/types.js';
import { outputLayerName, settingsDifferences } from '../output-comparison.js';
import { COMPARISON_CHARTS } from '../report-charts.js';
import { secondsPerEpoch } from '../seconds-per-epoch.js';
import { escapeHtml } from './escape-html.js';
import { integer, percent } from './format.js';
import { renderChart, type RenderedChart } from './render-chart.js';

/** The best validation accuracy of a run and the (first) epoch it came at. */
function bestValidation(m: ModelMetadata): string {
  const best = m.training.history.reduce((a, b) => (b.valAccuracy > a.valAccuracy ? b : a), m.training.history[0]!);
  return `${percent(best.valAccuracy)} <small>(epoch ${best.epoch})</small>`;
}

/**
 * LeNet-5's output layers side by side (the shipped softmax against the paper's RBF units): one row
 * each with test and validation figures of the float32 weights as trained, and their charts. Empty
 * when the run had no --rbf.
 */
export function renderOutputComparison(models: readonly ModelMetadata[], charts: ReadonlyMap<string, RenderedChart>): string {
  if (models.length < 2) return '';
  const rows = models.map(
    (m) => `<tr><th scope="row">${escapeHtml(m.displayName)}</th><td>${escapeHtml(outputLayerName(m))}</td><td class="num">${integer(m.trainableParams)}</td>
<td class="num">${percent(m.metrics.testAccuracy)}</td><td class="num">${m.metrics.testLoss.toFixed(4)}</td><td class="num">${percent(m.metrics.validationAccuracy)}</td><td class="num">${bestValidation(m)}</td><td class="num">${secondsPerEpoch(m.training).toFixed(1)}</td></tr>`,
  );
  const stale = models.slice(1).flatMap((m) => {
    const differences = settingsDifferences(models[0]!, m);
    return differences.length ? [`<p class="warning">${escapeHtml(m.displayName)} was not trained like the shipped LeNet-5 (${escapeHtml(differences.join('; '))}), so this is not a like-for-like comparison: run \`npm run pipeline -- --models lenet5 --rbf\` to train both again.</p>`] : [];
  });
  return `<section id="lenet5-outputs">
<h2>LeNet-5's output layer: softmax or the paper's RBF</h2>
<p class="note">The same LeNet-5, optimizer, schedule, seed and input, with two output layers: the shipped 10-way softmax trained with cross-entropy, and LeCun et al.'s Euclidean RBF units, each comparing F6's 84 outputs with a fixed 7x12 ±1 bitmap of its digit, trained on the squared distance to the correct code. Its probabilities are softmax(−distance), so test loss is cross-entropy for both. Figures are for the float32 weights as trained; only the softmax model is shipped.</p>
${stale.join('\n')}
<table class="comparison">
<thead><tr><th>Model</th><th>Output; training loss</th><th class="num">Trainable params</th><th class="num">Test accuracy</th><th class="num">Test loss</th><th class="num">Validation accuracy</th><th class="num">Best validation</th><th class="num">Seconds per epoch</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<div class="pair">
${renderChart(COMPARISON_CHARTS.lenet5OutputValidation, charts)}
${renderChart(COMPARISON_CHARTS.lenet5OutputPerClass, charts)}
</div>
</section>`;
}
