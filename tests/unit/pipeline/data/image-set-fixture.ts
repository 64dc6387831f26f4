import type { ImageSet } from '../../../../pipeline/data/image-set.js';

/** A set of `count` images whose pixel p of image i is pixel(i, p) (labels all 0). */
export function buildSet(count: number, pixel: (i: number, p: number) => number): ImageSet {
  const images = new Uint8Array(count * 784);
  for (let i = 0; i < count; i++) for (let p = 0; p < 784; p++) images[i * 784 + p] = pixel(i, p);
  return { images, labels: new Uint8Array(count), count };
}
