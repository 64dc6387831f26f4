import { CLASS_NAMES } from '../../../core/model-contract.js';
import type { ShopPhotoResult } from '../../eval/shop-photos.js';
import type { PhotoThumbnail } from '../load-photo-thumbnails.js';
import { grayPngDataUri } from '../png-data-uri.js';
import type { CheckedModel } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { percent } from './format.js';
import { modelHeading } from './model-heading.js';

/** One export's top-3 for one photo: the right class green, a wrong first guess red; the cell coloured by how it did. */
function guessesCell(r: ShopPhotoResult): string {
  const items = r.top3.map((t, i) => `<li class="${t.index === r.label ? 'right' : i === 0 ? 'wrong' : ''}">${escapeHtml(t.label)} <span class="p">${percent(t.probability, 0)}</span></li>`);
  const verdict = r.correctTop1 ? 'top1' : r.correctTop3 ? 'top3' : 'miss';
  return `<td class="guesses ${verdict}"><ol>${items.join('')}</ol></td>`;
}

/** One row per photo: its thumbnail and the 28x28 input every model saw, its class and file, then each export's top-3. */
function renderRows(indices: readonly number[], models: readonly CheckedModel[], thumbnails: ReadonlyMap<string, PhotoThumbnail>): string {
  const photos = models[0]!.shopPhotos.perPhoto;
  return indices
    .map((i) => {
      const p = photos[i]!;
      const truth = CLASS_NAMES[p.label] ?? String(p.label);
      const thumb = thumbnails.get(p.file);
      const photo = thumb ? `<img class="thumb" src="${thumb.uri}" width="${thumb.width}" height="${thumb.height}" alt="${escapeHtml(`Photo ${p.file}`)}">` : '';
      const input = `<img class="input" src="${grayPngDataUri(p.input)}" width="56" height="56" alt="${escapeHtml(`What the models saw of ${p.file}`)}">`;
      const name = p.file.split('/').pop() ?? p.file;
      return `<tr><th scope="row"><div class="pictures">${photo}${input}</div><b>${escapeHtml(truth)}</b> <small>${escapeHtml(name)}</small></th>${models.map((m) => guessesCell(m.shopPhotos.perPhoto[i]!)).join('')}</tr>`;
    })
    .join('\n');
}

function renderTable(indices: readonly number[], models: readonly CheckedModel[], thumbnails: ReadonlyMap<string, PhotoThumbnail>): string {
  return `<table class="photo-results">
<thead><tr><th>Photo → 28×28 input; true class</th>${models.map((m) => `<th>${modelHeading(m)}</th>`).join('')}</tr></thead>
<tbody>
${renderRows(indices, models, thumbnails)}
</tbody>
</table>`;
}

/**
 * Every real photo with each export's top-3 (in its own mode): first those at least one export got
 * wrong (top-1), then, folded, those every export got right. Each shows the photo as a small
 * thumbnail and the 28x28 input core's conversion made of it (the same for every model; a
 * mirror-averaged model also sees its mirror). Cells: green when top-1 is right, amber when the
 * right class is only in the top 3, red when it is not there.
 */
export function renderShopPhotoTable(models: readonly CheckedModel[], thumbnails: ReadonlyMap<string, PhotoThumbnail>): string {
  const photos = models[0]?.shopPhotos.perPhoto ?? [];
  const all = photos.map((_, i) => i);
  const missed = all.filter((i) => models.some((m) => !m.shopPhotos.perPhoto[i]!.correctTop1));
  const right = all.filter((i) => !missed.includes(i));
  const parts = [
    `<h3>The photos, as the models saw them</h3>
<p class="note">Each photo (scaled down), the 28×28 input <code>core/</code>'s conversion made of it (what every model saw; a model run with the mirror also sees it mirrored), its class, and each export's top-3 as it is meant to be run. <span class="key top1">right at top-1</span> <span class="key top3">right within the top 3</span> <span class="key miss">not in the top 3</span></p>`,
  ];
  parts.push(missed.length ? `<h4>The ${missed.length} of ${photos.length} photos at least one export got wrong</h4>\n${renderTable(missed, models, thumbnails)}` : '<p class="note">Every export got every photo right.</p>');
  if (right.length) parts.push(`<details><summary>The ${right.length} photos every export got right</summary>\n${renderTable(right, models, thumbnails)}\n</details>`);
  return parts.join('\n');
}
