import type { RgbaImage } from './types.js';

/**
 * Throws an Error saying what is wrong unless `image` is a well-formed RGBA image: positive
 * whole-number width and height, and exactly width*height*4 bytes of data. The conversion's only
 * entry check; the steps after it trust their input.
 */
export function checkRgbaImage(image: RgbaImage): void {
  if (typeof image !== 'object' || image === null) {
    throw new Error(`The image to convert must be an object { data, width, height } of RGBA pixels, got ${image === null ? 'null' : typeof image}.`);
  }
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`The image to convert must have a positive whole-number width and height, got ${String(width)}x${String(height)}; pass the decoded image's real size.`);
  }
  // A tag check rather than instanceof: pixels made in another realm (a worker, an iframe) still pass.
  const tag = Object.prototype.toString.call(data);
  if (tag !== '[object Uint8Array]' && tag !== '[object Uint8ClampedArray]') {
    throw new Error(`The image data must be a Uint8Array or Uint8ClampedArray of RGBA bytes (e.g. ImageData.data), got ${tag.slice(8, -1)}.`);
  }
  if (data.length !== width * height * 4) {
    throw new Error(`The image data must hold width*height*4 = ${width * height * 4} RGBA bytes for ${width}x${height}, got ${data.length}; check the size matches the pixels and that they are RGBA, not RGB.`);
  }
}
