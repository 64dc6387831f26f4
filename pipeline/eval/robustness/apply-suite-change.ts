import { mulberry32 } from '../../shared/seeded-random.js';
import { PIXELS, grayImage } from '../../image-ops/gray-image.js';
import type { SuiteChange } from './suite-changes.js';

/** The suite's seed: every run changes the test images the same way, so every model's figures are comparable. */
export const SUITE_SEED = 20_261_130;

/**
 * `count` 28x28 images (count*784 bytes) changed by `change`, rounded back to 8-bit pixels as a
 * real image would be. Random changes draw from one stream seeded by `seed`, image by image in order.
 */
export function applySuiteChange(change: SuiteChange, images: Uint8Array, count: number, seed = SUITE_SEED): Uint8Array {
  const random = mulberry32(seed);
  const src = grayImage();
  const dst = grayImage();
  const out = new Uint8Array(count * PIXELS);
  for (let i = 0; i < count; i++) {
    src.set(images.subarray(i * PIXELS, (i + 1) * PIXELS));
    change.apply(src, dst, random);
    for (let p = 0; p < PIXELS; p++) out[i * PIXELS + p] = Math.min(255, Math.max(0, Math.round(dst[p]!)));
  }
  return out;
}
