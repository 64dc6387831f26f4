import type { GrayImage } from './gray-image.js';

/**
 * Scales every pixel's distance from `pivot` by `factor`, in place: pivot 0 dims the item and
 * keeps the black background (a grey item shot on white, after the conversion); pivot at the
 * image's mean also lifts the background. Clipped to 0..255.
 */
export function adjustContrast(image: GrayImage, factor: number, pivot = 0): void {
  for (let i = 0; i < image.length; i++) image[i] = Math.min(255, Math.max(0, pivot + factor * (image[i]! - pivot)));
}

/** The mean pixel value of `image`. */
export function meanLevel(image: GrayImage): number {
  let sum = 0;
  for (let i = 0; i < image.length; i++) sum += image[i]!;
  return sum / image.length;
}
