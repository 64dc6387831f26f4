import { IMAGE_PIXELS, NUM_CLASSES } from '../../core/model-contract.js';
import { topK } from '../../core/top-k.js';
import type { GalleryItem } from './report-types.js';

/** The report's gallery item for test image i: its pixels, label and top-3. */
export function galleryItem(i: number, probabilities: Float32Array, labels: Uint8Array, images: Uint8Array): GalleryItem {
  return {
    index: i,
    label: labels[i]!,
    pixels: images.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS),
    top: topK(probabilities.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES), 3),
  };
}

/** The first `n` test images with their top-3 predictions (the seed's last notebook cells). Pure. */
export function firstPredictions(probabilities: Float32Array, labels: Uint8Array, images: Uint8Array, n = 10): GalleryItem[] {
  return Array.from({ length: Math.min(n, labels.length) }, (_, i) => galleryItem(i, probabilities, labels, images));
}
