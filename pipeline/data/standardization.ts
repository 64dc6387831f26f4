import { IMAGE_PIXELS } from '../../core/model-contract.js';
import type { ImageSet } from './image-set.js';

/** Added to the std, as the seed does (`X_std + 1e-7`), so a constant pixel divides by 1e-7, not 0. */
export const STD_EPSILON = 1e-7;

/** The seed's per-pixel standardization: x' = (x - mean) / std. */
export interface Standardization {
  /** Mean of each of the 784 pixels over the set. */
  mean: Float32Array;
  /** Population std (numpy's default, ddof=0) of each pixel, plus STD_EPSILON. */
  std: Float32Array;
}

/**
 * Per-pixel mean and population std over `set` (the seed uses the 55,000 training images), std + 1e-7.
 * Pixels are integers, so the sums are exact integers in float64 and the variance
 * (n*Σx² - (Σx)²) / n² has no cancellation error for sets up to ~370,000 images.
 */
export function computeStandardization(set: ImageSet): Standardization {
  const n = set.count;
  if (n < 1) throw new RangeError('computeStandardization needs at least one image.');
  const sum = new Float64Array(IMAGE_PIXELS);
  const sumSq = new Float64Array(IMAGE_PIXELS);
  const { images } = set;
  for (let offset = 0; offset < n * IMAGE_PIXELS; offset += IMAGE_PIXELS) {
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const v = images[offset + p]!;
      sum[p] = sum[p]! + v;
      sumSq[p] = sumSq[p]! + v * v;
    }
  }
  const mean = new Float32Array(IMAGE_PIXELS);
  const std = new Float32Array(IMAGE_PIXELS);
  for (let p = 0; p < IMAGE_PIXELS; p++) {
    const s = sum[p]!;
    mean[p] = s / n;
    std[p] = Math.sqrt((n * sumSq[p]! - s * s) / (n * n)) + STD_EPSILON;
  }
  return { mean, std };
}
