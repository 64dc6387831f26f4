import type { FloatImage, Rgb } from './types.js';

const WHITE: Rgb = [255, 255, 255];

/** Where an edge of `length` starts when centred in `size` (an odd margin puts the extra pixel after it). */
export const centredOffset = (size: number, length: number): number => Math.floor((size - length) / 2);

/**
 * Step 5: extends the shorter edge to `size`, the image centred (an odd margin puts the extra
 * pixel after it, right or below), filled with `fill`: the photo's background colour, so the
 * margin matches the page around the item (white for Zalando's photos, which the negation
 * turns into Fashion-MNIST's black). A one-channel image is filled with the colour's red.
 */
export function padToSquare(image: FloatImage, size: number, fill: Rgb = WHITE): FloatImage {
  const { width, height, channels } = image;
  const out = new Float32Array(size * size * channels);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < channels; c++) out[i * channels + c] = fill[c]!;
  const left = centredOffset(size, width);
  const top = centredOffset(size, height);
  for (let y = 0; y < height; y++) {
    out.set(image.data.subarray(y * width * channels, (y + 1) * width * channels), ((top + y) * size + left) * channels);
  }
  return { data: out, width: size, height: size, channels };
}
