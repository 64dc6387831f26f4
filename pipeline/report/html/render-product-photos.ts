import { CLASS_NAMES } from '../../../core/class-names.js';
import type { RgbaImage } from '../../../core/conversion/types.js';
import { grayPngDataUri, rgbaPngDataUri } from '../png-data-uri.js';
import type { ModelReport } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { percent, points } from './format.js';

/** One worked example: a test image, its product photo, and what core's conversion made of it. */
export interface ProductPhotoExample {
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
 * The robustness section: a few test images as product photos and back, then each model's
 * accuracy on the original images beside the product photos (shipped weights), overall and per
 * photo style.
 */
export function renderProductPhotos(models: readonly ModelReport[], examples: readonly ProductPhotoExample[]): string {
  const cards = examples.map((e) => {
    const name = escapeHtml(CLASS_NAMES[e.label] ?? String(e.label));
    return `<figure class="photo-example"><div class="photo-row"><img src="${grayPngDataUri(e.original)}" width="56" height="56" alt="Test image ${e.index}"><span>→</span><img class="photo" src="${rgbaPngDataUri(e.photo)}" width="112" height="${Math.round((112 * e.photo.height) / e.photo.width)}" alt="As a product photo"><span>→</span><img src="${grayPngDataUri(e.converted)}" width="56" height="56" alt="Converted back by core"></div><figcaption>#${e.index} ${name}, ${e.photo.width}×${e.photo.height}</figcaption></figure>`;
  });
  const styles = models[0]?.productPhoto.perStyle ?? [];
  const head = styles.map((s, i) => `<th class="num">Style ${i + 1}<br><small>${Math.round(28 * s.style.scale)} px, rgb(${s.style.tint.join(',')})</small></th>`).join('');
  const rows = models.map((m) => {
    const p = m.productPhoto;
    return `<tr><th scope="row">${escapeHtml(m.metadata.displayName)} <small>(${escapeHtml(m.metadata.weights.dtype)})</small></th><td class="num">${percent(p.originalAccuracy)}</td><td class="num">${percent(p.productPhotoAccuracy)}</td><td class="num">${points(p.productPhotoAccuracy - p.originalAccuracy)}</td>${p.perStyle.map((s) => `<td class="num">${percent(s.accuracy)}</td>`).join('')}</tr>`;
  });
  const count = models[0]?.productPhoto.count ?? 0;
  return `<p>Each of the ${count.toLocaleString('en-US')} test images is rendered as a product photo (dark item on a light page, enlarged, padded, tinted; the styles take turns), then converted back to 28×28 by <code>core/</code>'s Fashion-MNIST conversion, the code the extension runs on a clicked image. Original 28×28 → product photo → what the model sees:</p>
<div class="photo-examples">
${cards.join('\n')}
</div>
<table class="product-photos">
<thead><tr><th>Model (shipped weights)</th><th class="num">Test images</th><th class="num">Product photos</th><th class="num">Difference</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
