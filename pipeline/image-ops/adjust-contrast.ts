import type { GrayImage } from './gray-image.js';

/** Scales every pixel's distance from the image's mean by `factor` (0.5: half the contrast), in place. Stays in 0..255 for factor <= 1. */
export function adjustContrast(image: GrayImage, factor: number): void {
  let sum = 0;
  for (let i = 0; i < image.length; i++) sum += image[i]!;
  const mean = sum / image.length;
  for (let i = 0; i < image.length; i++) image[i] = Math.min(255, Math.max(0, mean + factor * (image[i]! - mean)));
}
