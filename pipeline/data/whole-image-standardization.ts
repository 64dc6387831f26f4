import { STD_EPSILON, type Standardization } from './standardization.js';

/**
 * One mean and one std for every pixel (LeCun et al. 1998's input normalization: "the mean input
 * roughly 0, and the variance roughly 1"), derived exactly from the per-pixel statistics of the
 * same images: every pixel has the same count, so the pooled mean is the mean of the per-pixel
 * means and the pooled variance is mean(var + mean²) - pooled mean². Returned in the per-pixel
 * layout (784 equal values each), so the same Standardize layer and metadata carry it.
 */
export function wholeImageStandardization(perPixel: Standardization): Standardization {
  const n = perPixel.mean.length;
  if (n < 1 || perPixel.std.length !== n) throw new RangeError(`wholeImageStandardization needs equal, non-empty mean and std arrays, got ${perPixel.mean.length} and ${perPixel.std.length}.`);
  let sumMean = 0;
  let sumSecondMoment = 0;
  for (let p = 0; p < n; p++) {
    const mean = perPixel.mean[p]!;
    const std = perPixel.std[p]! - STD_EPSILON;
    sumMean += mean;
    sumSecondMoment += std * std + mean * mean;
  }
  const mean = sumMean / n;
  const std = Math.sqrt(Math.max(0, sumSecondMoment / n - mean * mean)) + STD_EPSILON;
  return { mean: new Float32Array(n).fill(mean), std: new Float32Array(n).fill(std) };
}
