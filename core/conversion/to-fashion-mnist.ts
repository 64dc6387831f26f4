import { IMAGE_SIZE } from '../model-contract.js';
import { BlankImageError } from './blank-image-error.js';
import { checkHasContent } from './check-has-content.js';
import { checkRgbaImage } from './check-rgba-image.js';
import { cornerColour } from './corner-colour.js';
import { fitLongestEdge } from './fit-longest-edge.js';
import { levelFromBackground } from './level-from-background.js';
import { negate } from './negate.js';
import { centredOffset, padToSquare } from './pad-to-square.js';
import { resize } from './resize.js';
import { sharpen } from './sharpen.js';
import { toBytes } from './to-bytes.js';
import { luma, toGrayscale } from './to-grayscale.js';
import { findContentBox, TRIM_DISTANCE } from './trim-to-content.js';
import type { InputPlacement, RgbaImage } from './types.js';

/**
 * Converts a product photo to a Fashion-MNIST image the way Zalando made the dataset from
 * theirs: (1) composite transparency on white; (2) trim the edges within 5% of the corner
 * colour; (3) resize the longest edge to 28 (area-averaged); (4) sharpen (Gaussian, radius 1,
 * sigma 1); (5) extend the shorter edge to 28, centred, with the corner colour; (6) negate;
 * (7) grayscale; then (8) level so the background is 0 and the strongest pixel 255, as every
 * Fashion-MNIST image is (see levelFromBackground), and round to 8 bits. Steps 1-3 read the
 * photo in place, in one pass; the rest work on at most 28x28 pixels.
 *
 * Returns 784 bytes, 28x28 row-major, a light item on black. Throws a BlankImageError when the
 * image is blank or nearly so: step 2 finds nothing to trim to, or the result has fewer than
 * MIN_CONTENT_PIXELS content pixels (a line, not an item). Throws an Error naming the problem if
 * `image` is not a well-formed RGBA image.
 */
export function toFashionMnist(image: RgbaImage): Uint8Array {
  return toFashionMnistPlaced(image).pixels;
}

/**
 * toFashionMnist, also saying where the input came from in the photo (the trimmed box and where
 * it sits in the 28x28), so what is drawn on the input (an explanation's map) can be laid back over
 * the photo.
 */
export function toFashionMnistPlaced(image: RgbaImage): { pixels: Uint8Array; placement: InputPlacement } {
  checkRgbaImage(image);
  const background = cornerColour(image, TRIM_DISTANCE);
  const box = findContentBox(image, background);
  if (!box) throw new BlankImageError('no-content', 0);
  const size = fitLongestEdge(box.x1 - box.x0, box.y1 - box.y0, IMAGE_SIZE);
  const sharpened = sharpen(resize(image, box, size.width, size.height));
  const gray = toGrayscale(negate(padToSquare(sharpened, IMAGE_SIZE, background)));
  const pixels = checkHasContent(toBytes(levelFromBackground(gray, 255 - luma(background))));
  const placement: InputPlacement = {
    source: { left: box.x0 / image.width, top: box.y0 / image.height, width: (box.x1 - box.x0) / image.width, height: (box.y1 - box.y0) / image.height },
    target: { left: centredOffset(IMAGE_SIZE, size.width), top: centredOffset(IMAGE_SIZE, size.height), width: size.width, height: size.height },
  };
  return { pixels, placement };
}
