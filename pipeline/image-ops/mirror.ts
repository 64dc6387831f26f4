import { SIDE, type GrayImage } from './gray-image.js';

/** Writes `src` mirrored left-right into `dst` (must not be `src`). */
export function mirror(src: GrayImage, dst: GrayImage): void {
  for (let y = 0; y < SIDE; y++) {
    const row = y * SIDE;
    for (let x = 0; x < SIDE; x++) dst[row + x] = src[row + SIDE - 1 - x]!;
  }
}
