import { ownAccuracy, ownPhotos } from '../own-mode.js';
import { recipeOf } from '../output-comparison.js';
import type { CheckedModel } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { integer, percent } from './format.js';

/** How an export was made, in words: the Keras file it was converted from, or the recipe that trained it here. */
function madeBy(m: CheckedModel): string {
  const s = m.metadata.source;
  if (s) return `converted from ${s.file} (${s.format === 'keras' ? '.keras zip' : 'legacy HDF5'}, Keras ${s.kerasVersion}, input ${s.input})`;
  const t = m.metadata.training!;
  return `trained by our pipeline (${recipeOf(m.metadata)} recipe, ${t.epochs} epochs, ${t.optimizer.name})`;
}

/** The worst suite change (not 'none') in the model's own mode. */
function worst(m: CheckedModel): string {
  const changed = m.robustness.results.filter((r) => r.change !== 'none');
  if (changed.length === 0) return '—';
  const w = changed.reduce((a, b) => (ownAccuracy(b, m.metadata) < ownAccuracy(a, m.metadata) ? b : a));
  return `${percent(ownAccuracy(w, m.metadata), 1)} <small>${escapeHtml(w.change)}</small>`;
}

/**
 * The models converted from Keras (`npm run convert`), each beside the exports our pipeline
 * trained with the seed recipe (the notebook's): the same figures for a model trained by Keras and
 * one trained here. Empty when nothing was converted. Pure.
 */
export function renderConverted(checked: readonly CheckedModel[]): string {
  const converted = checked.filter((m) => m.metadata.source);
  if (converted.length === 0) return '';
  const ours = checked.filter((m) => m.metadata.training && recipeOf(m.metadata) === 'seed' && m.metadata.training.loss !== 'euclidean-rbf');
  const rows = [...converted, ...ours].map((m) => {
    const photos = ownPhotos(m.shopPhotos.metrics, m.metadata);
    return `<tr><th scope="row">${escapeHtml(m.metadata.displayName)}<br><small>${escapeHtml(m.folder)}</small></th><td>${escapeHtml(madeBy(m))}</td><td class="num">${integer(m.metadata.trainableParams)}</td>
<td class="num">${percent(m.metadata.metrics.testAccuracy)}</td><td class="num">${m.metadata.metrics.testLoss.toFixed(4)}</td><td class="num">${percent(m.metadata.metrics.validationAccuracy)}</td><td class="num">${worst(m)}</td><td class="num">${percent(photos.top1, 1)} <small>top-3 ${percent(photos.top3, 1)}</small></td></tr>`;
  });
  return `<section id="converted">
<h2>Converted from Keras</h2>
<p class="note">Models converted from a Keras file with <code>npm run convert</code>, checked like a trained model, beside the seed-recipe exports our pipeline trained. Test figures are for the float32 weights as converted or trained, each run in its own mode.</p>
<table class="comparison">
<thead><tr><th>Model</th><th>Made by</th><th class="num">Trainable params</th><th class="num">Test accuracy</th><th class="num">Test loss</th><th class="num">Validation accuracy</th><th class="num">Suite, worst change</th><th class="num">Real photos top-1</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}
