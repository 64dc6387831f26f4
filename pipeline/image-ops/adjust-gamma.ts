import type { GrayImage } from './gray-image.js';

/** Applies a gamma curve, 255 * (v / 255)^gamma, in place (gamma 2 darkens the mid-tones; 0 and 255 stay). */
export function adjustGamma(image: GrayImage, gamma: number): void {
  for (let i = 0; i < image.length; i++) image[i] = 255 * Math.pow(Math.max(0, image[i]!) / 255, gamma);
}
