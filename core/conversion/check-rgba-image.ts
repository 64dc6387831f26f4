import type { RgbaImage } from './types.js';

/** Throws a clear Error unless `image` is a well-formed RGBA image. */
export function checkRgbaImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`The image must have positive whole-number width and height, got ${width}x${height}.`);
  }
  if (!data || data.length !== width * height * 4) {
    throw new Error(`The image data must hold width*height*4 = ${width * height * 4} RGBA bytes for ${width}x${height}, got ${data?.length ?? 0}.`);
  }
}
