import { suiteMeans } from '../../eval/robustness/robustness-suite.js';
import { suiteChanges } from '../charts/robustness-spec.js';
import { predictionModeName } from '../model-label.js';
import { ownAccuracy } from '../own-mode.js';
import { COMPARISON_CHARTS } from '../report-charts.js';
import type { CheckedModel } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { percent } from './format.js';
import { modelHeading } from './model-heading.js';
import { renderChart, type RenderedChart } from './render-chart.js';

/** One model's figure for one change: its own mode's in bold, the other mode's below. */
function cell(m: CheckedModel, description: string): string {
  const r = m.robustness.results.find((x) => x.description === description);
  if (!r) return '<td class="none">—</td>';
  const mirrored = m.metadata.prediction.mirrorAverage;
  const other = mirrored ? `alone ${percent(r.accuracy, 1)}` : `with mirror ${percent(r.mirrorAveragedAccuracy, 1)}`;
  return `<td class="num"><b>${percent(ownAccuracy(r, m.metadata), 1)}</b><br><small>${other}</small></td>`;
}

/** The changes only (the test set as it is left out): mean and worst, in the model's own mode. */
function summaryCells(m: CheckedModel): { mean: string; worst: string } {
  const changed = m.robustness.results.filter((r) => r.change !== 'none');
  if (changed.length === 0) return { mean: '<td class="none">—</td>', worst: '<td class="none">—</td>' };
  const means = suiteMeans(changed);
  const mirrored = m.metadata.prediction.mirrorAverage;
  const worst = changed.reduce((a, b) => (ownAccuracy(b, m.metadata) < ownAccuracy(a, m.metadata) ? b : a));
  return {
    mean: `<td class="num"><b>${percent(mirrored ? means.mirrorAveraged : means.alone, 1)}</b><br><small>${mirrored ? `alone ${percent(means.alone, 1)}` : `with mirror ${percent(means.mirrorAveraged, 1)}`}</small></td>`,
    worst: `<td class="num"><b>${percent(ownAccuracy(worst, m.metadata), 1)}</b><br><small>${escapeHtml(worst.change)}</small></td>`,
  };
}

/** Where the figures come from: each export's metadata.json. */
function sourcesNote(models: readonly CheckedModel[]): string {
  const counts = [...new Set(models.map((m) => m.robustness.testImages))].map((n) => n.toLocaleString('en-US')).join(' and ');
  return `<p class="note">Every export's figures are read from its <code>metadata.json</code> (<code>metrics.robustness</code>), which the pipeline records on the ${counts} test images with the exported weights.</p>`;
}

/**
 * A warning for each change id measured more than one way (its description differs between exports:
 * some recorded it before the suite changed), so no one compares the two as one change.
 */
function redefinedNote(models: readonly CheckedModel[]): string {
  const byId = new Map<string, Set<string>>();
  for (const r of models.flatMap((m) => m.robustness.results)) byId.set(r.change, (byId.get(r.change) ?? new Set()).add(r.description));
  return [...byId.entries()]
    .filter(([, descriptions]) => descriptions.size > 1)
    .map(([id, descriptions]) => {
      const who = (d: string) => models.filter((m) => m.robustness.results.some((r) => r.change === id && r.description === d)).map((m) => `<code>${escapeHtml(m.folder)}</code>`).join(', ');
      const ways = [...descriptions].map((d) => `“${escapeHtml(d)}” (${who(d)})`).join('; ');
      return `<p class="warning">The change <code>${escapeHtml(id)}</code> was measured in ${descriptions.size} ways, each its own row: ${ways}. The suite changed after some exports recorded it; export those again with <code>npm run pipeline</code> to compare them.</p>`;
    })
    .join('\n');
}

/** How each export is meant to be run and why (metadata.prediction). */
function renderModes(models: readonly CheckedModel[]): string {
  const items = models.map((m) => {
    return `<dt><code>${escapeHtml(m.folder)}</code>: ${escapeHtml(predictionModeName(m.metadata))}</dt><dd>${escapeHtml(m.metadata.prediction.why)}</dd>`;
  });
  return `<dl class="modes">${items.join('')}</dl>`;
}

/**
 * The robustness suite for every export: the test images under each named change (seeded, the same
 * for every model), top-1 as a chart and a table (rows the changes, columns the exports; each cell
 * the model's own mode in bold and the other mode below), with the mean and the worst change, where
 * each figure comes from, and how each export is meant to be run and why.
 */
export function renderRobustness(models: readonly CheckedModel[], charts: ReadonlyMap<string, RenderedChart>): string {
  if (models.length === 0) return '';
  const heads = models.map((m) => `<th class="num">${modelHeading(m)}</th>`).join('');
  const rows = suiteChanges(models).map((d) => `<tr><th scope="row">${escapeHtml(d)}</th>${models.map((m) => cell(m, d)).join('')}</tr>`);
  const summaries = models.map(summaryCells);
  const changeCount = Math.max(0, ...models.map((m) => m.robustness.results.filter((r) => r.change !== 'none').length));
  return `<section id="robustness">
<h2>Robustness suite: the test images changed the way shop photos differ</h2>
<p>Fashion-MNIST frames every item the same way (centred, filling the frame, shoes facing one way, on black); shop photos do not. The suite changes all the test images in one named way at a time (seeded, so every run and every model sees the same images) and measures top-1. Each model is run the way its <code>metadata.json</code> says (alone, or averaging its probabilities for the image and its mirror): that figure is in bold and in the chart; the other mode's is below it (<i>with mirror</i>: averaged with the mirror image; <i>alone</i>: the image alone).</p>
${sourcesNote(models)}
${redefinedNote(models)}
${renderChart(COMPARISON_CHARTS.robustness, charts)}
<table class="robustness">
<thead><tr><th>Test images</th>${heads}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot>
<tr><th scope="row">Mean of the ${changeCount} changes</th>${summaries.map((s) => s.mean).join('')}</tr>
<tr><th scope="row">Worst change</th>${summaries.map((s) => s.worst).join('')}</tr>
</tfoot>
</table>
<h3>How each export is run</h3>
${renderModes(models)}
</section>`;
}
