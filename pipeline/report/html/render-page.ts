import { COMPARISON_CHARTS } from '../report-charts.js';
import type { PhotoThumbnail } from '../load-photo-thumbnails.js';
import type { ComparedExport } from '../output-comparison.js';
import type { RecipePair } from '../recipe-pairs.js';
import type { CheckedModel, ModelReport } from '../report-types.js';
import { SHIPPING_TOLERANCE } from '../../export/choose-shipped-variant.js';
import { escapeHtml } from './escape-html.js';
import { renderChart, type RenderedChart } from './render-chart.js';
import { renderComparisonTable } from './render-comparison-table.js';
import { renderModelSection } from './render-model-section.js';
import { renderOutputComparison } from './render-output-comparison.js';
import { renderRecipes } from './render-recipes.js';
import { renderConverted } from './render-converted.js';
import { renderRobustness } from './render-robustness.js';
import { renderRoundTrip, type RoundTripExample } from './render-round-trip.js';
import { renderShopPhotos } from './render-shop-photos.js';
import { PAGE_STYLE } from './page-style.js';

/** What the page is built from. */
export interface PageInput {
  /** The shipped models (models/). */
  models: readonly ModelReport[];
  /** The exports trained only for comparison (comparisons/), checked like the shipped ones. */
  comparisons: readonly CheckedModel[];
  /** Each architecture's shipped export beside its seed-recipe comparison (see recipePairs). */
  recipePairs: readonly RecipePair<CheckedModel>[];
  /** LeNet-5's output layers to compare (see lenet5OutputComparison); empty without a --rbf run. */
  outputComparison: readonly ComparedExport[];
  /** Rendered charts by name (see reportCharts). */
  charts: ReadonlyMap<string, RenderedChart>;
  /** The real photos' thumbnails by file. */
  thumbnails: ReadonlyMap<string, PhotoThumbnail>;
  /** The conversion's round trips to show. */
  examples: readonly RoundTripExample[];
  /** ISO time of writing. */
  generatedAt: string;
  /** Where the dataset came from, for the header. */
  datasetNote: string;
  /** The "Why the real photos go wrong" section (render-explained-mistakes.ts), if made. */
  explainedMistakes?: string;
}

/** How many test images the training run evaluated on (the confusion matrix counts every one). */
function testImagesNote(models: readonly ModelReport[]): string {
  const counts = [...new Set(models.map((m) => m.metadata.metrics.confusionMatrix.flat().reduce((a, b) => a + b, 0)))];
  return counts.length === 1 ? `the ${counts[0]!.toLocaleString('en-US')} Fashion-MNIST test images` : `the Fashion-MNIST test images (${counts.map((c) => c.toLocaleString('en-US')).join(' and ')})`;
}

/**
 * The whole report as one self-contained HTML page: inline CSS, inline SVG charts, pictures as
 * PNG data URIs; no scripts, fonts or requests, so it opens from disk in any browser. Order: the
 * shipped models at a glance, the robustness suite, the real photos, the two recipes, the
 * conversion's round trip, each shipped model in detail, LeNet-5's output layers.
 */
export function renderPage(input: PageInput): string {
  const { models, charts } = input;
  const checked = [...models, ...input.comparisons];
  const links: [string, string][] = [
    ['comparison', 'Shipped models'],
    ['robustness', 'Robustness suite'],
    ['shop-photos', 'Real photos'],
    ...(input.explainedMistakes ? [['why-mistakes', 'Why photos go wrong'] as [string, string]] : []),
    ...(input.recipePairs.length ? [['recipes', 'Recipes'] as [string, string]] : []),
    ['round-trip', 'Conversion round trip'],
    ...models.map((m): [string, string] => [`model-${m.metadata.id}`, m.metadata.displayName]),
    ...(input.outputComparison.length > 1 ? [['lenet5-outputs', 'LeNet-5 outputs'] as [string, string]] : []),
    ...(checked.some((m) => m.metadata.source) ? [['converted', 'Converted from Keras'] as [string, string]] : []),
  ];
  const nav = links.map(([id, text]) => `<a href="#${escapeHtml(id)}">${escapeHtml(text)}</a>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fashion Lens training report</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>Fashion Lens training report</h1>
<p class="note">Written ${escapeHtml(input.generatedAt)} from the exported models and metadata. ${escapeHtml(input.datasetNote)}</p>
<nav>${nav}<a href="metrics.json">metrics.json</a></nav>
<section id="comparison">
<h2>The shipped models</h2>
<p class="note">What the extension ships (<code>models/</code>). Test figures are on ${escapeHtml(testImagesNote(models))} with the float32 weights as trained, each model run as it is meant to be (alone or mirror-averaged); each weight dtype's accuracy is measured after loading it back through the loader the extension uses. The highlighted dtype is the one the extension ships: the smallest within ${SHIPPING_TOLERANCE * 100} points of float32. The suite and real-photo columns are explained below.</p>
${renderComparisonTable(models)}
<div class="pair">
${renderChart(COMPARISON_CHARTS.validationAccuracy, charts)}
${renderChart(COMPARISON_CHARTS.weightVariants, charts)}
</div>
</section>
${renderRobustness(checked, charts)}
${renderShopPhotos(checked, input.thumbnails, charts)}
${input.explainedMistakes ?? ''}
${renderRecipes(input.recipePairs, charts)}
${renderConverted(checked)}
${renderRoundTrip(models, input.examples)}
${models.map((m) => renderModelSection(m, charts)).join('\n')}
${renderOutputComparison(input.outputComparison, charts)}
</main>
</body>
</html>
`;
}
