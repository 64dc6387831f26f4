import type { GrayImage } from './types.js';

/** Extends the shorter edge to `size`, centred, filling with `fill` (white, the photo background). */
export function padToSquare(image: GrayImage, size: number, fill = 255): GrayImage {
  const out = new Float32Array(size * size).fill(fill);
  const left = Math.floor((size - image.width) / 2);
  const top = Math.floor((size - image.height) / 2);
  for (let y = 0; y < image.height; y++) {
    out.set(image.data.subarray(y * image.width, (y + 1) * image.width), (top + y) * size + left);
  }
  return { data: out, width: size, height: size };
}
