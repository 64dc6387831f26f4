import { CLASS_NAMES } from '../../../core/model-contract.js';
import type { TopAccuracy } from '../../../core/types.js';
import type { PhotoThumbnail } from '../load-photo-thumbnails.js';
import { COMPARISON_CHARTS } from '../report-charts.js';
import type { CheckedModel } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { modelHeading } from './model-heading.js';
import { renderChart, type RenderedChart } from './render-chart.js';
import { renderShopPhotoTable } from './render-shop-photo-table.js';

/** "15/36 (42%)": photos right of all, and the share. */
const hits = (share: number, count: number) => `${Math.round(share * count)}/${count} <small>${Math.round(share * 100)}%</small>`;

/** Top-1 and top-3 cells; `own` marks the model's own prediction mode. */
const pair = (a: TopAccuracy, own = false) => [a.top1, a.top3].map((x) => `<td class="num${own ? ' own' : ''}">${hits(x, a.count)}</td>`).join('');

/** One row per export: all photos alone and mirror-averaged (its own mode highlighted), then each class in its own mode. */
function renderFiguresTable(models: readonly CheckedModel[], classes: readonly { classIndex: number; count: number }[]): string {
  const total = models[0]!.shopPhotos.metrics.overall.count;
  const rows = models.map((m) => {
    const s = m.shopPhotos.metrics;
    const mirrored = m.metadata.prediction.mirrorAverage;
    const perClass = classes.map((c) => {
      const a = s.perClass.find((p) => p.classIndex === c.classIndex);
      return a ? [a.top1, a.top3].map((x) => `<td class="num">${Math.round(x * a.count)}/${a.count}</td>`).join('') : '<td class="none">—</td><td class="none">—</td>';
    });
    return `<tr><th scope="row">${modelHeading(m)}</th>${pair(s.overall, !mirrored)}${pair(s.mirrorAveraged, mirrored)}${perClass.join('')}</tr>`;
  });
  const groups = [`All ${total}, alone`, `All ${total}, with mirror`, ...classes.map((c) => `${CLASS_NAMES[c.classIndex] ?? c.classIndex} (${c.count})`)];
  return `<table class="shop-photos">
<thead><tr><th rowspan="2">Export</th>${groups.map((g) => `<th colspan="2" class="group">${escapeHtml(g)}</th>`).join('')}</tr>
<tr>${groups.map(() => '<th class="num">top-1</th><th class="num">top-3</th>').join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="note">Highlighted: the mode each export is meant to be run in (<i>alone</i>: the image alone; <i>with mirror</i>: its probabilities averaged with the mirror image's). The per-class columns use that mode.</p>`;
}

/** Where the figures come from, and any export whose recorded figures the photos no longer give. */
function sourcesNote(models: readonly CheckedModel[]): string {
  const parts = [
    `<p class="note">Figures are read from each export's <code>metadata.json</code> (<code>metrics.shopPhotos</code>, recorded by the pipeline with the exported weights); the pictures below are predicted here with the exported weights, each export in its own mode.</p>`,
  ];
  for (const m of models) if (m.shopPhotos.disagreement) parts.push(`<p class="warning"><code>${escapeHtml(m.folder)}</code>: ${escapeHtml(m.shopPhotos.disagreement)}</p>`);
  return parts.join('\n');
}

/**
 * The project's real product photos (pipeline/data/shop-photos): what the set is and is not, each
 * export's top-1 and top-3 over all photos (alone and mirror-averaged) and per class present, as a
 * table and a chart, then every photo as the model saw it with each export's top-3.
 */
export function renderShopPhotos(models: readonly CheckedModel[], thumbnails: ReadonlyMap<string, PhotoThumbnail>, charts: ReadonlyMap<string, RenderedChart>): string {
  if (models.length === 0) return '';
  const photos = models[0]!.shopPhotos.perPhoto;
  const classes = [...new Set(photos.map((p) => p.label))].sort((a, b) => a - b).map((classIndex) => ({ classIndex, count: photos.filter((p) => p.label === classIndex).length }));
  const present = classes.map((c) => `${CLASS_NAMES[c.classIndex]} ${c.count}`).join(', ');
  const missing = CLASS_NAMES.filter((_, i) => !classes.some((c) => c.classIndex === i));
  return `<section id="shop-photos">
<h2>Real product photos</h2>
<p>${photos.length} real catalogue photos from the sample data of open-source web shops (<code>pipeline/data/shop-photos</code>; sources and licences in its <code>labels.tsv</code> and README), each converted by <code>core/</code>'s Fashion-MNIST conversion exactly as the extension converts a right-clicked image, then classified. ${classes.length} classes are present: ${escapeHtml(present)}.${missing.length ? ` There are no ${escapeHtml(missing.join(', '))} photos: none with a licence that allows redistribution was found, so judge those classes by the robustness suite above.` : ''}</p>
<p class="note">The set is small (merchandise mock-ups from shop demos, each with a visible logo): it is a check of how the models do on real photos, not a target. No recipe is tuned to it, and it is never training data. One photo is ${(100 / photos.length).toFixed(1)} points.</p>
${sourcesNote(models)}
${renderFiguresTable(models, classes)}
${renderChart(COMPARISON_CHARTS.shopPhotos, charts)}
${renderShopPhotoTable(models, thumbnails)}
</section>`;
}
