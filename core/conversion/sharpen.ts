import type { GrayImage } from './types.js';

/** 3x3 Gaussian (radius 1, sigma 1), normalised: the blur that -sharpen 0x1 subtracts. */
const GAUSS = (() => {
  const w = [Math.exp(-1), Math.exp(-0.5), Math.exp(-1), Math.exp(-0.5), 1, Math.exp(-0.5), Math.exp(-1), Math.exp(-0.5), Math.exp(-1)];
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / total);
})();

/**
 * Sharpens like ImageMagick's `-sharpen 0x1` (radius 1, sigma 1): out = 2*in - gaussian(in), i.e.
 * the image plus its high-pass detail, edges clamped, values clamped to 0..255. A flat image is
 * unchanged; an edge gains contrast.
 */
export function sharpen(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let blur = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        for (let dx = -1; dx <= 1; dx++) {
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          blur += data[yy * width + xx]! * GAUSS[(dy + 1) * 3 + dx + 1]!;
        }
      }
      out[y * width + x] = Math.min(255, Math.max(0, 2 * data[y * width + x]! - blur));
    }
  }
  return { data: out, width, height };
}
