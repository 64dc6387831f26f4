import { IMAGE_PIXELS } from '../model-contract.js';
import { BlankImageError } from './blank-image-error.js';
import { LEVEL_FLOOR } from './level-from-background.js';

/**
 * The fewest content pixels (see countContentPixels) a 28x28 input must have to be classified:
 * two full rows of the frame. Less is a line, not an item: a rule or hairline, straight or
 * diagonal, converts to a stroke about one pixel wide, 28-31 pixels.
 *
 * Measured (`npx tsx bench/blank-threshold.ts`): the fewest content pixels of the 10,000
 * Fashion-MNIST test images as they come is 76 (a dark sandal; the training set's fewest is 38),
 * of the test images rendered as product photos and converted back 97, and of the 36 real shop
 * photos converted by toFashionMnist 257. Blank, transparent and one-colour images have none
 * (step 2 finds nothing to trim to), and thin lines (harness/blank-images: 1-20 px, horizontal,
 * vertical, diagonal, shallow) 28 to 31. So 56 refuses every line with 24 pixels to spare and
 * keeps every test image with 20 to spare (the real photos with 201).
 */
export const MIN_CONTENT_PIXELS = 56;

/** The pixels of a 28x28 input (light on black) that stand out from the black background by more than the level step's floor (5%, the trim's tolerance). Pure. */
export function countContentPixels(pixels: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i]! > LEVEL_FLOOR) count++;
  return count;
}

/** Throws a BlankImageError unless the 28x28 input has at least MIN_CONTENT_PIXELS content pixels. */
export function checkHasContent(pixels: Uint8Array): Uint8Array {
  if (pixels.length !== IMAGE_PIXELS) throw new Error(`checkHasContent takes one 28x28 input (${IMAGE_PIXELS} bytes), got ${pixels.length}.`);
  const count = countContentPixels(pixels);
  if (count < MIN_CONTENT_PIXELS) throw new BlankImageError(count === 0 ? 'no-content' : 'too-little-content', count);
  return pixels;
}
