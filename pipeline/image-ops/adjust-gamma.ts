import type { GrayImage } from './gray-image.js';

/**
 * Applies a gamma curve, 255 * (v / 255)^gamma, in place (gamma 2 darkens the mid-tones; 0 and 255
 * stay). Black pixels (most of a Fashion-MNIST image's background) skip the power: it is 0 for them.
 */
export function adjustGamma(image: GrayImage, gamma: number): void {
  for (let i = 0; i < image.length; i++) {
    const v = image[i]!;
    if (v > 0) image[i] = 255 * Math.pow(v / 255, gamma);
    else image[i] = 0;
  }
}
