import { IMAGE_SIZE } from '../class-names.js';
import { checkRgbaImage } from './check-rgba-image.js';
import { fitLongestEdge } from './fit-longest-edge.js';
import { negateToBytes } from './negate-to-bytes.js';
import { padToSquare } from './pad-to-square.js';
import { resizeGray } from './resize-gray.js';
import { sharpen } from './sharpen.js';
import { findContentBox } from './trim-to-content.js';
import type { RgbaImage } from './types.js';

/**
 * Converts a product photo to a Fashion-MNIST image the way Zalando made the dataset: composite
 * transparency on white; trim edges within 5% of the corner colour; resize the longest edge to 28
 * (area-averaged, so large photos reduce smoothly); sharpen (Gaussian radius 1, sigma 1); extend
 * the shorter edge to 28, centred; negate; 8-bit grayscale. Returns 784 bytes, light item on black.
 *
 * Grayscale is taken right after compositing rather than last: every later step is linear per
 * channel, so only clamping in the sharpen step can differ, and one channel is 3x less work on
 * 40-megapixel photos.
 */
export function toFashionMnist(image: RgbaImage): Uint8Array {
  checkRgbaImage(image);
  const box = findContentBox(image);
  const size = fitLongestEdge(box.x1 - box.x0, box.y1 - box.y0, IMAGE_SIZE);
  const resized = resizeGray(image, box, size.width, size.height);
  return negateToBytes(padToSquare(sharpen(resized), IMAGE_SIZE));
}
