import { CLASS_NAMES } from '../../../core/model-contract.js';
import type { RgbaImage } from '../../../core/conversion/types.js';
import { predictionModeName } from '../model-label.js';
import { grayPngDataUri, rgbaPngDataUri } from '../png-data-uri.js';
import type { ModelReport } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { percent, points } from './format.js';

/** One worked example: a test image, the product photo rendered from it, and what core's conversion made of that. */
export interface RoundTripExample {
  /** Index in the test set. */
  index: number;
  /** True label 0..9. */
  label: number;
  /** The rendered product photo. */
  photo: RgbaImage;
  /** The photo converted back to 28x28 by core's toFashionMnist. */
  converted: Uint8Array;
  /** The original 28x28 test image. */
  original: Uint8Array;
}

/**
 * The conversion's round trip: a few test images rendered as product photos and converted back by
 * core's conversion, then each shipped model's accuracy (as it is meant to be run) on the original
 * images beside the converted ones, overall and per rendering style. It tests the conversion on
 * images that were Fashion-MNIST to begin with; it says nothing about real photos.
 */
export function renderRoundTrip(models: readonly ModelReport[], examples: readonly RoundTripExample[]): string {
  const cards = examples.map((e) => {
    const name = escapeHtml(CLASS_NAMES[e.label] ?? String(e.label));
    return `<figure class="photo-example"><div class="photo-row"><img src="${grayPngDataUri(e.original)}" width="56" height="56" alt="Test image ${e.index}"><span>→</span><img class="photo" src="${rgbaPngDataUri(e.photo)}" width="112" height="${Math.round((112 * e.photo.height) / e.photo.width)}" alt="Rendered as a product photo"><span>→</span><img src="${grayPngDataUri(e.converted)}" width="56" height="56" alt="Converted back by core"></div><figcaption>#${e.index} ${name}, ${e.photo.width}×${e.photo.height}</figcaption></figure>`;
  });
  const styles = models[0]?.roundTrip.perStyle ?? [];
  const head = styles.map((s, i) => `<th class="num">Style ${i + 1}<br><small>${Math.round(28 * s.style.scale)} px, rgb(${s.style.tint.join(',')})</small></th>`).join('');
  const rows = models.map((m) => {
    const p = m.roundTrip;
    return `<tr><th scope="row">${escapeHtml(m.metadata.displayName)} <small>(${escapeHtml(m.metadata.weights.dtype)}, ${escapeHtml(predictionModeName(m.metadata))})</small></th><td class="num">${percent(p.originalAccuracy)}</td><td class="num">${percent(p.productPhotoAccuracy)}</td><td class="num">${points(p.productPhotoAccuracy - p.originalAccuracy)}</td>${p.perStyle.map((s) => `<td class="num">${percent(s.accuracy)}</td>`).join('')}</tr>`;
  });
  const count = models[0]?.roundTrip.count ?? 0;
  return `<section id="round-trip">
<h2>The conversion's round trip (test images, not real photos)</h2>
<p>A check of <code>core/</code>'s Fashion-MNIST conversion, the code the extension runs on a clicked image: each of the ${count.toLocaleString('en-US')} test images is rendered as a synthetic product photo (dark item on a light page, enlarged, padded, tinted; the styles take turns) and converted back to 28×28. A model should read the result about as well as the original. These are Fashion-MNIST images dressed up as photos, framed exactly as the dataset frames them, so this says nothing about real shop photos: see the real photos and the robustness suite above. Original 28×28 → rendered photo → what the model sees:</p>
<div class="photo-examples">
${cards.join('\n')}
</div>
<table class="round-trip">
<thead><tr><th>Model (shipped weights, as it is meant to be run)</th><th class="num">Test images</th><th class="num">After the round trip</th><th class="num">Difference</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}
