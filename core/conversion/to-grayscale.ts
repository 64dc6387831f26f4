import type { FloatImage, Rgb } from './types.js';

/**
 * ITU-R BT.601 luma weights, applied to the gamma-encoded values (ImageMagick's Rec601Luma).
 * Chosen over the Rec.709 weights (0.2126, 0.7152, 0.0722) that newer ImageMagick applies by
 * default: BT.601 is the luma of JPEG's YCbCr, which most product photos are stored in, and it
 * darkens blues less than Rec.709 does. The two differ by a few grey levels on most garments,
 * and the level step after grayscale takes out any overall difference in brightness.
 */
export const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const;

/** The BT.601 luma of one colour. */
export function luma(colour: Rgb): number {
  return LUMA_WEIGHTS[0] * colour[0] + LUMA_WEIGHTS[1] * colour[1] + LUMA_WEIGHTS[2] * colour[2];
}

/** Step 7: grayscale: the luma of each pixel, as floats (one channel; a one-channel image passes through). */
export function toGrayscale(image: FloatImage): FloatImage {
  if (image.channels === 1) return image;
  const { data } = image;
  const out = new Float32Array(image.width * image.height);
  const [wr, wg, wb] = LUMA_WEIGHTS;
  for (let i = 0; i < out.length; i++) out[i] = wr * data[i * 3]! + wg * data[i * 3 + 1]! + wb * data[i * 3 + 2]!;
  return { data: out, width: image.width, height: image.height, channels: 1 };
}
