import type { Box, Rgb, RgbaImage } from './types.js';

/** Trim tolerance as a fraction of the largest RGB distance (black to white, 255*sqrt(3)): Zalando's 5%. */
export const TRIM_TOLERANCE = 0.05;

/** The trim tolerance as a Euclidean distance in RGB (5% of 255*sqrt(3), about 22.1). */
export const TRIM_DISTANCE = TRIM_TOLERANCE * 255 * Math.sqrt(3);

/** Squared distance from the background of the pixel at byte offset i, composited on white as compositeRowOnWhite does. */
function distanceSquared(d: RgbaImage['data'], i: number, background: Rgb): number {
  const a = d[i + 3]!;
  let r = d[i]!;
  let g = d[i + 1]!;
  let b = d[i + 2]!;
  if (a !== 255) {
    const alpha = a / 255;
    const white = 255 - a;
    r = r * alpha + white;
    g = g * alpha + white;
    b = b * alpha + white;
  }
  return (r - background[0]) ** 2 + (g - background[1]) ** 2 + (b - background[2]) ** 2;
}

/** The first content column of row y in [from, to), else -1. */
function firstContent(image: RgbaImage, y: number, from: number, to: number, background: Rgb, limit: number): number {
  for (let x = from, i = (y * image.width + from) * 4; x < to; x++, i += 4) if (distanceSquared(image.data, i, background) > limit) return x;
  return -1;
}

/** The last content column of row y in [from, to), else -1. */
function lastContent(image: RgbaImage, y: number, from: number, to: number, background: Rgb, limit: number): number {
  for (let x = to - 1, i = (y * image.width + x) * 4; x >= from; x--, i -= 4) if (distanceSquared(image.data, i, background) > limit) return x;
  return -1;
}

/**
 * Step 2: the box left after trimming the edges close to `background` (the corner colour, see
 * cornerColour): every outer row and column whose pixels all lie within `maxDistance` of it
 * (Euclidean distance in RGB, composited on white) is cut, as ImageMagick's -fuzz 5% -trim does.
 * Returns a box instead of a cropped copy, so a 40-megapixel photo is never copied.
 *
 * Returns undefined when the image is all background (blank, transparent, or one colour):
 * there is nothing to trim to, so nothing to classify (toFashionMnist refuses it).
 */
export function findContentBox(image: RgbaImage, background: Rgb, maxDistance = TRIM_DISTANCE): Box | undefined {
  const { width, height } = image;
  const limit = maxDistance * maxDistance;
  // Top and bottom content rows: whole rows are scanned until one holds content.
  let y0 = 0;
  let x0 = -1;
  while (y0 < height && (x0 = firstContent(image, y0, 0, width, background, limit)) < 0) y0++;
  if (y0 === height) return undefined;
  let x1 = lastContent(image, y0, x0, width, background, limit) + 1;
  let y1 = height;
  for (; y1 - 1 > y0; y1--) {
    const first = firstContent(image, y1 - 1, 0, width, background, limit);
    if (first < 0) continue;
    x0 = Math.min(x0, first);
    x1 = Math.max(x1, lastContent(image, y1 - 1, first, width, background, limit) + 1);
    break;
  }
  // The rows in between can only widen the box: scan just the parts outside the columns found so
  // far, so the middle of the photo (the item) is never read here.
  for (let y = y0 + 1; y < y1 - 1; y++) {
    const left = firstContent(image, y, 0, x0, background, limit);
    if (left >= 0) x0 = left;
    const right = lastContent(image, y, x1, width, background, limit);
    if (right >= 0) x1 = right + 1;
  }
  return { x0, y0, x1, y1 };
}
