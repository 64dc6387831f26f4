import type { RgbaImage } from '../../../../core/conversion/types.js';

/** An RGBA colour, 0..255 each. */
export type Rgba = [number, number, number, number];

export const WHITE: Rgba = [255, 255, 255, 255];
export const BLACK: Rgba = [0, 0, 0, 255];
export const CLEAR: Rgba = [0, 0, 0, 0];

/** A width x height image filled with one colour. */
export function canvas(width: number, height: number, fill: Rgba): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(fill, i * 4);
  return { data, width, height };
}

/** Paints the rectangle [x0, x1) x [y0, y1) with one colour. */
export function fillRect(image: RgbaImage, x0: number, y0: number, x1: number, y1: number, colour: Rgba): RgbaImage {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data.set(colour, (y * image.width + x) * 4);
  return image;
}

/** Paints pixels where `inside(x, y)` holds (shapes that are not rectangles). */
export function fillWhere(image: RgbaImage, inside: (x: number, y: number) => boolean, colour: Rgba): RgbaImage {
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) if (inside(x, y)) image.data.set(colour, (y * image.width + x) * 4);
  return image;
}

/** Bounding box of the pixels above `threshold` in a 28x28 result, with its size. */
export function inkBox(pixels: Uint8Array, threshold = 0): { x0: number; y0: number; x1: number; y1: number; width: number; height: number } {
  let x0 = 28;
  let y0 = 28;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (pixels[y * 28 + x]! <= threshold) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  return { x0, y0, x1, y1, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
