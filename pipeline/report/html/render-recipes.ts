import { suiteMeans } from '../../eval/robustness/robustness-suite.js';
import { predictionModeName } from '../model-label.js';
import { recipeOf } from '../output-comparison.js';
import { ownAccuracy, ownPhotos } from '../own-mode.js';
import { recipeChartName } from '../report-charts.js';
import type { RecipePair } from '../recipe-pairs.js';
import type { CheckedModel } from '../report-types.js';
import { secondsPerEpoch } from '../seconds-per-epoch.js';
import { trainingOf } from '../training-of.js';
import { escapeHtml } from './escape-html.js';
import { integer, percent, points } from './format.js';
import { renderChart, type RenderedChart } from './render-chart.js';

/** A cell pair and its difference for one architecture: seed, shipped, difference. */
type Cells = [seed: string, shipped: string, difference: string];

/** A row's label and, per architecture, its cells. */
interface Row {
  label: string;
  cells: (pair: RecipePair<CheckedModel>) => Cells;
}

/** Accuracies 0..1 with their difference in points (shipped minus seed). */
function accuracyCells(seed: number | undefined, shipped: number | undefined): Cells {
  return [
    seed === undefined ? '—' : percent(seed, 1),
    shipped === undefined ? '—' : percent(shipped, 1),
    seed === undefined || shipped === undefined ? '' : points(shipped - seed),
  ];
}

/** The augmentation in brief: each kind's share of the images (its settings are in the model's section), or "none". */
function augmentation(m: CheckedModel): string {
  const a = trainingOf(m.metadata).augmentation;
  if (!a || Object.keys(a).length === 0) return 'none';
  const kinds = Object.entries(a).flatMap(([k, v]) => (k.endsWith('Probability') && typeof v === 'number' ? [`${k.slice(0, -'Probability'.length)} ${Math.round(v * 100)}%`] : []));
  return kinds.length ? `yes: ${kinds.join(', ')} of images` : 'yes';
}

/** Training time in minutes and samples/s. */
const trainingTime = (m: CheckedModel) => `${(trainingOf(m.metadata).seconds / 60).toFixed(1)} min, ${integer(trainingOf(m.metadata).samplesPerSecond)} samples/s`;

/** The changes (not 'none') both exports of a pair were measured on, by description. */
function commonChanges({ seed, shipped }: RecipePair<CheckedModel>): Set<string> {
  const of = (m: CheckedModel) => m.robustness.results.filter((r) => r.change !== 'none').map((r) => r.description);
  const theirs = new Set(of(shipped));
  return new Set(of(seed).filter((d) => theirs.has(d)));
}

/** The mean top-1 over `changes` in the model's own mode. */
function changesMean(m: CheckedModel, changes: ReadonlySet<string>): number | undefined {
  const measured = m.robustness.results.filter((r) => changes.has(r.description));
  if (measured.length === 0) return undefined;
  const means = suiteMeans(measured);
  return m.metadata.prediction.mirrorAverage ? means.mirrorAveraged : means.alone;
}

/** A suite change's top-1 in the model's own mode, by description (a change measured another way is another row). */
function suiteResult(m: CheckedModel, description: string): number | undefined {
  const r = m.robustness.results.find((x) => x.description === description);
  return r && ownAccuracy(r, m.metadata);
}

/** A row of facts (no difference). */
const factRow = (label: string, f: (m: CheckedModel) => string): Row => ({ label, cells: ({ seed, shipped }) => [escapeHtml(f(seed)), escapeHtml(f(shipped)), ''] });

/** An accuracy row. */
const accuracyRow = (label: string, f: (m: CheckedModel) => number | undefined): Row => ({ label, cells: ({ seed, shipped }) => accuracyCells(f(seed), f(shipped)) });

function rowsOf(pairs: readonly RecipePair<CheckedModel>[]): Row[] {
  const results = pairs.flatMap((p) => [...p.seed.robustness.results, ...p.shipped.robustness.results]);
  const changes = [...new Map(results.map((r) => [r.description, r.change])).entries()];
  const count = pairs[0]!.shipped.shopPhotos.metrics.overall.count;
  return [
    factRow('Recipe', (m) => recipeOf(m.metadata)),
    factRow('Training augmentation', augmentation),
    factRow('Epochs, batch', (m) => `${trainingOf(m.metadata).epochs}, ${trainingOf(m.metadata).batchSize}`),
    factRow('Training time', trainingTime),
    factRow('Seconds per epoch', (m) => secondsPerEpoch(trainingOf(m.metadata)).toFixed(1)),
    factRow('Prediction mode', (m) => predictionModeName(m.metadata)),
    accuracyRow('Test set top-1 (float32 as trained)', (m) => m.metadata.metrics.testAccuracy),
    ...changes.map(([description, change]) => accuracyRow(change === 'none' ? 'Suite: test images as they are' : `Suite: ${description}`, (m) => suiteResult(m, description))),
    { label: 'Suite: mean of the changes both were measured on', cells: (pair) => accuracyCells(changesMean(pair.seed, commonChanges(pair)), changesMean(pair.shipped, commonChanges(pair))) },
    accuracyRow(`Real photos top-1 (${count})`, (m) => ownPhotos(m.shopPhotos.metrics, m.metadata).top1),
    accuracyRow(`Real photos top-3 (${count})`, (m) => ownPhotos(m.shopPhotos.metrics, m.metadata).top3),
  ];
}

/** Warnings: models/<id> not trained with the shop recipe (an export from before it); suite figures on different test images. */
function pairWarnings({ shipped, seed }: RecipePair<CheckedModel>): string {
  const warnings: string[] = [];
  if (seed.robustness.testImages !== shipped.robustness.testImages) {
    const on = (m: CheckedModel) => `<code>${escapeHtml(m.folder)}</code>'s on ${m.robustness.testImages.toLocaleString('en-US')}`;
    warnings.push(`<p class="warning">The suite figures are on different test images (${on(seed)}, ${on(shipped)}), so their differences are rough.</p>`);
  }
  if (recipeOf(shipped.metadata) === 'shop') return warnings.join('\n');
  return `${warnings.join('\n')}<p class="warning"><code>${escapeHtml(shipped.folder)}</code> was trained with the ${escapeHtml(recipeOf(shipped.metadata))} recipe (an export from before the shop recipe), so its columns compare the seed recipe with itself. Train the shop recipe with <code>npm run pipeline</code>.</p>`;
}

/**
 * The two recipes side by side for each architecture that has both (models/<id> and
 * comparisons/<id>-seed), in one table: how each was trained, then the test set, every suite change
 * and the real photos (each as it is meant to be run), with the difference in points; then a chart
 * per architecture. Empty without a seed-recipe comparison.
 */
export function renderRecipes(pairs: readonly RecipePair<CheckedModel>[], charts: ReadonlyMap<string, RenderedChart>): string {
  if (pairs.length === 0) return '';
  const groups = pairs.map((p) => `<th colspan="3" class="group">${escapeHtml(p.seed.metadata.displayName)}</th>`).join('');
  const heads = pairs.map((p) => `<th>Seed recipe<br><small>${escapeHtml(p.seed.folder)}</small></th><th>Shipped<br><small>${escapeHtml(p.shipped.folder)}</small></th><th class="num">Difference</th>`).join('');
  const rows = rowsOf(pairs).map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${pairs.map((p) => row.cells(p).map((c, i) => `<td${i === 2 ? ' class="num"' : ''}>${c}</td>`).join('')).join('')}</tr>`);
  return `<section id="recipes">
<h2>The two recipes side by side</h2>
<p>Each architecture trained twice: the seed recipe (the notebook's and the paper's settings exactly, no augmentation; it proves the port is faithful, exported to <code>comparisons/&lt;id&gt;-seed</code>) and the shop recipe the extension ships (the same architecture and parameter count, trained with seeded augmentation for what shop photos vary in; <code>models/&lt;id&gt;</code>). The test-set figure is the float32 model as trained; the suite and the real photos use the exported weights; every figure is each model run as it is meant to be.</p>
${pairs.map(pairWarnings).join('\n')}
<table class="recipes">
<thead><tr><th rowspan="2"></th>${groups}</tr>
<tr>${heads}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<div class="pair">
${pairs.map((p) => renderChart(recipeChartName(p.id), charts)).join('\n')}
</div>
</section>`;
}
