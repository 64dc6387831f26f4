import { CLASS_NAMES } from '../../../core/model-contract.js';
import { grayPngDataUri } from '../png-data-uri.js';
import type { GalleryItem } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { percent } from './format.js';

/**
 * Test images as pictures (28x28 PNGs scaled up, pixelated) each with its true class and the
 * model's top-3: the right class in green, a wrong first guess in red.
 */
export function renderGallery(items: readonly GalleryItem[], kind: 'predictions' | 'mistakes'): string {
  if (items.length === 0) return '<p class="note">None: the model got every test image right.</p>';
  const cards = items.map((item) => {
    const truth = CLASS_NAMES[item.label] ?? String(item.label);
    const correct = item.top[0]?.index === item.label;
    const guesses = item.top
      .map((t) => `<li class="${t.index === item.label ? 'right' : t === item.top[0] ? 'wrong' : ''}"><span>${escapeHtml(t.label)}</span> <span class="p">${percent(t.probability, 1)}</span></li>`)
      .join('');
    const alt = `Test image ${item.index}: ${truth}`;
    return `<figure class="sample ${correct ? 'correct' : 'mistake'}"><img src="${grayPngDataUri(item.pixels)}" width="84" height="84" alt="${escapeHtml(alt)}"><figcaption><div class="truth">#${item.index} <b>${escapeHtml(truth)}</b></div><ol>${guesses}</ol></figcaption></figure>`;
  });
  return `<div class="gallery ${kind}">\n${cards.join('\n')}\n</div>`;
}
