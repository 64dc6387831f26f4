import { IMAGE_PIXELS } from '../../core/model-contract.js';

/** A labelled set of 28x28 grayscale Fashion-MNIST images. */
export interface ImageSet {
  /**
   * count*784 bytes, row-major, 0..255 (light item on black). Usually a view into one larger buffer:
   * honour byteOffset/byteLength (never use `images.buffer` whole).
   */
  images: Uint8Array;
  /** count bytes, the class labels 0..9 (see core/model-contract.ts). */
  labels: Uint8Array;
  /** Number of images (and labels). */
  count: number;
}

/** Images [from, to) of `images`/`labels` as an ImageSet of views (no copy). */
export function sliceImageSet(images: Uint8Array, labels: Uint8Array, from: number, to: number): ImageSet {
  return { images: images.subarray(from * IMAGE_PIXELS, to * IMAGE_PIXELS), labels: labels.subarray(from, to), count: to - from };
}
