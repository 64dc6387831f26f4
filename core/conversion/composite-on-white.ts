import type { Rgb, RgbaImage } from './types.js';

/**
 * Step 1: composites pixels on white, as Zalando's photos show items on a white page: a
 * transparent product cut-out becomes the item on white, and a fully transparent pixel becomes
 * white whatever colour it stores (canvas gives transparent black). colour*alpha + 255*(1 - alpha).
 *
 * Works on one row segment at a time, into a reused buffer, so the trim and resize steps read a
 * 40-megapixel photo without ever copying it.
 */
export function compositeRowOnWhite(image: RgbaImage, y: number, x0: number, x1: number, out: Float32Array): Float32Array {
  const d = image.data;
  let i = (y * image.width + x0) * 4;
  let o = 0;
  for (let x = x0; x < x1; x++, i += 4, o += 3) {
    const a = d[i + 3]!;
    if (a === 255) {
      out[o] = d[i]!;
      out[o + 1] = d[i + 1]!;
      out[o + 2] = d[i + 2]!;
    } else {
      const alpha = a / 255;
      const white = 255 - a;
      out[o] = d[i]! * alpha + white;
      out[o + 1] = d[i + 1]! * alpha + white;
      out[o + 2] = d[i + 2]! * alpha + white;
    }
  }
  return out;
}

/** The colour of pixel (x, y) composited on white. */
export function pixelOnWhite(image: RgbaImage, x: number, y: number): Rgb {
  const out = compositeRowOnWhite(image, y, x, x + 1, new Float32Array(3));
  return [out[0]!, out[1]!, out[2]!];
}
