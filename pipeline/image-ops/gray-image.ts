import { IMAGE_PIXELS, IMAGE_SIZE } from '../../core/model-contract.js';

/**
 * One 28x28 grayscale image as floats, row-major, values 0..255 (Fashion-MNIST polarity). The
 * image operations read one and write another (or the same, where they say so), so a batch can
 * be changed without allocating.
 */
export type GrayImage = Float32Array;

/** Side and pixel count of every image these operations take. */
export const SIDE = IMAGE_SIZE;
export const PIXELS = IMAGE_PIXELS;

/** A fresh zeroed image. */
export const grayImage = (): GrayImage => new Float32Array(PIXELS);

/** Clamps every pixel of `image` to 0..255, in place. */
export function clampPixels(image: GrayImage): void {
  for (let i = 0; i < image.length; i++) {
    const v = image[i]!;
    image[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}
