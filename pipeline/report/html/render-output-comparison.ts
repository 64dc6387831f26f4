import type { ModelMetadata } from '../../../core/types.js';
import { outputLayerName, recipeOf, settingsDifferences, type ComparedExport } from '../output-comparison.js';
import { COMPARISON_CHARTS } from '../report-charts.js';
import { secondsPerEpoch } from '../seconds-per-epoch.js';
import { trainingOf } from '../training-of.js';
import { escapeHtml } from './escape-html.js';
import { integer, percent } from './format.js';
import { renderChart, type RenderedChart } from './render-chart.js';

/** The best validation accuracy of a run and the (first) epoch it came at. */
function bestValidation(m: ModelMetadata): string {
  const { history } = trainingOf(m);
  const best = history.reduce((a, b) => (b.valAccuracy > a.valAccuracy ? b : a), history[0]!);
  return `${percent(best.valAccuracy)} <small>(epoch ${best.epoch})</small>`;
}

/**
 * LeNet-5's output layers side by side (a softmax LeNet-5 trained like the RBF one, against the
 * paper's RBF units; see lenet5OutputComparison): one row each with test and validation figures of
 * the float32 weights as trained, and their charts. Empty when the run had no --rbf.
 */
export function renderOutputComparison(exports: readonly ComparedExport[], charts: ReadonlyMap<string, RenderedChart>): string {
  if (exports.length < 2) return '';
  const models = exports.map((e) => e.metadata);
  const rows = exports.map(
    ({ folder, metadata: m }) => `<tr><th scope="row">${escapeHtml(m.displayName)}<br><small>${escapeHtml(folder)}</small></th><td>${escapeHtml(outputLayerName(m))}</td><td class="num">${integer(m.trainableParams)}</td>
<td class="num">${percent(m.metrics.testAccuracy)}</td><td class="num">${m.metrics.testLoss.toFixed(4)}</td><td class="num">${percent(m.metrics.validationAccuracy)}</td><td class="num">${bestValidation(m)}</td><td class="num">${secondsPerEpoch(trainingOf(m)).toFixed(1)}</td></tr>`,
  );
  const baseline = exports[0]!;
  const stale = models.slice(1).flatMap((m) => {
    const differences = settingsDifferences(baseline.metadata, m);
    return differences.length ? [`<p class="warning">${escapeHtml(m.displayName)} was not trained like the softmax LeNet-5 in ${escapeHtml(baseline.folder)} (${escapeHtml(differences.join('; '))}), so this is not a like-for-like comparison: run \`npm run pipeline -- --recipe ${escapeHtml(recipeOf(m))} --models lenet5 --rbf\` to train both again.</p>`] : [];
  });
  return `<section id="lenet5-outputs">
<h2>LeNet-5's output layer: softmax or the paper's RBF</h2>
<p class="note">The same LeNet-5, recipe (${escapeHtml(recipeOf(baseline.metadata))}), optimizer, schedule, seed and input, with two output layers: a 10-way softmax trained with cross-entropy (${escapeHtml(baseline.folder)}), and LeCun et al.'s Euclidean RBF units, each comparing F6's 84 outputs with a fixed 7x12 ±1 bitmap of its digit, trained on the squared distance to the correct code. Its probabilities are softmax(−distance), so test loss is cross-entropy for both. Figures are for the float32 weights as trained; only a softmax LeNet-5 is shipped.</p>
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
