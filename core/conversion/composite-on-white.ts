import type { RgbaImage } from './types.js';

/**
 * Pixel `i` (0-based) composited on white, as [r, g, b] floats: transparent product cut-outs
 * become items on a white page, as in Zalando's photos. Written into `out` to avoid allocations.
 */
export function compositeOnWhite(image: RgbaImage, i: number, out: Float64Array): Float64Array {
  const d = image.data;
  const a = d[i * 4 + 3]! / 255;
  const white = 255 * (1 - a);
  out[0] = d[i * 4]! * a + white;
  out[1] = d[i * 4 + 1]! * a + white;
  out[2] = d[i * 4 + 2]! * a + white;
  return out;
}

/** Luma (ITU-R BT.601 weights, as ImageMagick's `-colorspace Gray` in Rec601Luma) of pixel `i` composited on white. */
export function grayOnWhite(image: RgbaImage, i: number): number {
  const d = image.data;
  const a = d[i * 4 + 3]! / 255;
  const luma = 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;
  return luma * a + 255 * (1 - a);
}
