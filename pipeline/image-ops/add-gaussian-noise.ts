import type { GrayImage } from './gray-image.js';
import { normalAt, normalWalk } from './normal-table.js';

/**
 * Adds Gaussian noise of std `sigma` to every pixel and clips to 0..255, in place. The normals
 * come from a fixed table walked from a point `random` picks (see normal-table.ts): cheap, and
 * the same for the same draws.
 */
export function addGaussianNoise(image: GrayImage, sigma: number, random: () => number): void {
  const walk = normalWalk(random);
  for (let i = 0; i < image.length; i++) {
    const v = image[i]! + sigma * normalAt(walk, i);
    image[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}
