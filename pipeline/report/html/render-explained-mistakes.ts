import { CHOSEN_EXPLANATION_METHOD, EXPLANATION_METHOD_LABELS } from '../../../core/explain/explanation-methods.js';
import { CLASS_NAMES } from '../../../core/model-contract.js';
import type { ExplainedMistake } from '../explain-photo-mistakes.js';
import type { PhotoThumbnail } from '../load-photo-thumbnails.js';
import { mapOverInput } from '../map-over-input.js';
import { grayPngDataUri, rgbaPngDataUri } from '../png-data-uri.js';
import type { CheckedModel } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { modelHeading } from './model-heading.js';

/** One shipped model's real-photo mistakes with their maps. */
export interface ExplainedMistakes {
  model: CheckedModel;
  mistakes: readonly ExplainedMistake[];
}

const picture = (uri: string, alt: string, cls = 'why-input') => `<img class="${cls}" src="${uri}" width="84" height="84" alt="${escapeHtml(alt)}">`;

function renderMistake(m: ExplainedMistake, thumbnails: ReadonlyMap<string, PhotoThumbnail>): string {
  const right = CLASS_NAMES[m.label]!;
  const thumb = thumbnails.get(m.file);
  return `<figure class="sample why-mistake">
<div class="pictures">${thumb ? `<img class="why-thumb" src="${thumb.uri}" width="${thumb.width}" height="${thumb.height}" alt="${escapeHtml(m.file)}">` : ''}${picture(grayPngDataUri(m.input), 'what the model saw')}${picture(rgbaPngDataUri(mapOverInput(m.input, m.answerMap)), `pixels that pushed towards ${m.answer.label}`)}${picture(rgbaPngDataUri(mapOverInput(m.input, m.labelMap)), `pixels that pushed towards ${right}`)}</div>
<figcaption><code>${escapeHtml(m.file)}</code>: said <b class="wrong">${escapeHtml(m.answer.label)}</b> (${(m.answer.probability * 100).toFixed(0)}%), is <b>${escapeHtml(right)}</b>. Maps: what pushed towards ${escapeHtml(m.answer.label)}, then towards ${escapeHtml(right)}.</figcaption>
</figure>`;
}

/**
 * "Why the real photos go wrong" (issue 24): for each shipped model, every real photo it gets wrong
 * (top-1, its own mode) as the photo, the input it saw, and the "Why?" map (as the popup draws it)
 * for its wrong answer and for the right class.
 */
export function renderExplainedMistakes(explained: readonly ExplainedMistakes[], thumbnails: ReadonlyMap<string, PhotoThumbnail>): string {
  if (explained.length === 0) return '';
  const parts = explained.map(({ model, mistakes }) => `<h3>${modelHeading(model)}: ${mistakes.length} of ${model.shopPhotos.perPhoto.length} photos wrong</h3>
${mistakes.length ? `<div class="why-mistakes">${mistakes.map((m) => renderMistake(m, thumbnails)).join('\n')}</div>` : '<p class="note">None.</p>'}`);
  return `<section id="why-mistakes">
<h2>Why the real photos go wrong</h2>
<p class="note">Each real photo a shipped model gets wrong: the photo, the 28×28 input it saw, then the extension's "Why?" map (${escapeHtml(EXPLANATION_METHOD_LABELS[CHOSEN_EXPLANATION_METHOD])} of the probability, mirror-averaged where the model is, computed by core as the popup's is) for the wrong answer and for the right class. Brighter yellow: the pixel pushed the model more towards that class; no colour: it did not push towards it.</p>
${parts.join('\n')}
</section>`;
}
