import { fitLongestEdge } from '../../core/conversion/fit-longest-edge.js';
import { resize } from '../../core/conversion/resize.js';
import { toBytes } from '../../core/conversion/to-bytes.js';
import type { RgbaImage } from '../../core/conversion/types.js';

/**
 * A photo scaled so its longest edge is `longest` pixels (never enlarged), composited on white and
 * area-averaged by core's resize, as an opaque RGBA image: a thumbnail of a few KB for the page.
 */
export function photoThumbnail(image: RgbaImage, longest = 64): RgbaImage {
  const { width, height } = fitLongestEdge(image.width, image.height, Math.min(longest, Math.max(image.width, image.height)));
  const rgb = toBytes(resize(image, { x0: 0, y0: 0, x1: image.width, y1: image.height }, width, height));
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    data[j] = rgb[i]!;
    data[j + 1] = rgb[i + 1]!;
    data[j + 2] = rgb[i + 2]!;
    data[j + 3] = 255;
  }
  return { data, width, height };
}
