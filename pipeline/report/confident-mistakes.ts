import { NUM_CLASSES } from '../../core/model-contract.js';
import { galleryItem } from './first-predictions.js';
import type { GalleryItem } from './report-types.js';

/**
 * The `n` test images the model got wrong with the highest top-1 probability, most confident
 * first (ties: lower index first). These are where it errs without knowing it, often label noise
 * or shirt/T-shirt/pullover look-alikes. Pure.
 */
export function confidentMistakes(probabilities: Float32Array, labels: Uint8Array, images: Uint8Array, n = 16): GalleryItem[] {
  const wrong: { index: number; confidence: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < NUM_CLASSES; c++) if (probabilities[i * NUM_CLASSES + c]! > probabilities[i * NUM_CLASSES + best]!) best = c;
    if (best !== labels[i]) wrong.push({ index: i, confidence: probabilities[i * NUM_CLASSES + best]! });
  }
  wrong.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return wrong.slice(0, n).map((w) => galleryItem(w.index, probabilities, labels, images));
}
