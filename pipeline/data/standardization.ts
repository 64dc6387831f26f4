import { IMAGE_PIXELS } from '../../core/class-names.js';
import type { ImageSet } from './fashion-mnist.js';

/** Added to the std, as the seed does (`X_std + 1e-7`), so constant pixels don't divide by zero. */
export const STD_EPSILON = 1e-7;

/** Per-pixel mean and (population) std over a set, std + 1e-7: the seed's standardization. */
export function computeStandardization(set: ImageSet): { mean: Float32Array; std: Float32Array } {
  const sum = new Float64Array(IMAGE_PIXELS);
  const sumSq = new Float64Array(IMAGE_PIXELS);
  for (let i = 0; i < set.count; i++) {
    const offset = i * IMAGE_PIXELS;
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const v = set.images[offset + p]!;
      sum[p]! += v;
      sumSq[p]! += v * v;
    }
  }
  const mean = new Float32Array(IMAGE_PIXELS);
  const std = new Float32Array(IMAGE_PIXELS);
  for (let p = 0; p < IMAGE_PIXELS; p++) {
    const m = sum[p]! / set.count;
    mean[p] = m;
    std[p] = Math.sqrt(Math.max(0, sumSq[p]! / set.count - m * m)) + STD_EPSILON;
  }
  return { mean, std };
}
