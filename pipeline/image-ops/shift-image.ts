import { SIDE, type GrayImage } from './gray-image.js';

/** Writes `src` moved by whole pixels (dx right, dy down) into `dst` (must not be `src`); uncovered pixels are background (0). */
export function shiftImage(src: GrayImage, dst: GrayImage, dx: number, dy: number): void {
  if (!Number.isInteger(dx) || !Number.isInteger(dy)) throw new RangeError(`shiftImage moves by whole pixels, got ${dx}, ${dy}.`);
  for (let y = 0; y < SIDE; y++) {
    const sy = y - dy;
    for (let x = 0; x < SIDE; x++) {
      const sx = x - dx;
      dst[y * SIDE + x] = sx < 0 || sy < 0 || sx >= SIDE || sy >= SIDE ? 0 : src[sy * SIDE + sx]!;
    }
  }
}
