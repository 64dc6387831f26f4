import { COMPARISON_CHARTS } from '../report-charts.js';
import type { ModelMetadata } from '../../../core/types.js';
import type { ModelReport } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { renderChart, type RenderedChart } from './render-chart.js';
import { renderComparisonTable } from './render-comparison-table.js';
import { renderModelSection } from './render-model-section.js';
import { renderOutputComparison } from './render-output-comparison.js';
import { renderProductPhotos, type ProductPhotoExample } from './render-product-photos.js';
import { PAGE_STYLE } from './page-style.js';

/** What the page is built from. */
export interface PageInput {
  models: readonly ModelReport[];
  /** LeNet-5's output layers to compare (see lenet5OutputComparison); empty without a --rbf run. */
  outputComparison: readonly ModelMetadata[];
  /** Rendered charts by name (see reportCharts). */
  charts: ReadonlyMap<string, RenderedChart>;
  /** Product-photo round trips to show. */
  examples: readonly ProductPhotoExample[];
  /** ISO time of writing. */
  generatedAt: string;
  /** Where the dataset came from, for the header. */
  datasetNote: string;
}

/** How many test images the training run evaluated on (the confusion matrix counts every one). */
function testImagesNote(models: readonly ModelReport[]): string {
  const counts = [...new Set(models.map((m) => m.metadata.metrics.confusionMatrix.flat().reduce((a, b) => a + b, 0)))];
  return counts.length === 1 ? `the ${counts[0]!.toLocaleString('en-US')} Fashion-MNIST test images` : `the Fashion-MNIST test images (${counts.map((c) => c.toLocaleString('en-US')).join(' and ')})`;
}

/**
 * The whole report as one self-contained HTML page: inline CSS, inline SVG charts, pictures as
 * PNG data URIs; no scripts, fonts or requests, so it opens from disk in any browser.
 */
export function renderPage(input: PageInput): string {
  const { models, charts } = input;
  const nav = models.map((m) => `<a href="#model-${escapeHtml(m.metadata.id)}">${escapeHtml(m.metadata.displayName)}</a>`).join('') + (input.outputComparison.length > 1 ? '<a href="#lenet5-outputs">LeNet-5 outputs</a>' : '');
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
<nav><a href="#comparison">Comparison</a><a href="#product-photos">Product photos</a>${nav}<a href="metrics.json">metrics.json</a></nav>
<section id="comparison">
<h2>Comparison</h2>
<p class="note">Test figures are on ${escapeHtml(testImagesNote(models))} with the float32 weights as trained; each weight dtype's accuracy is measured after loading it back through the loader the extension uses. The highlighted dtype is the one the extension ships: the smallest within 0.2 points of float32.</p>
${renderComparisonTable(models)}
<div class="pair">
${renderChart(COMPARISON_CHARTS.validationAccuracy, charts)}
${renderChart(COMPARISON_CHARTS.weightVariants, charts)}
</div>
</section>
<section id="product-photos">
<h2>Product photos</h2>
${renderProductPhotos(models, input.examples)}
</section>
${models.map((m) => renderModelSection(m, charts)).join('\n')}
${renderOutputComparison(input.outputComparison, charts)}
</main>
</body>
</html>
`;
}
