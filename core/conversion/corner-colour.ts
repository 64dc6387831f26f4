import { pixelOnWhite } from './composite-on-white.js';
import type { Rgb, RgbaImage } from './types.js';

/** Squared Euclidean distance between two colours in RGB. */
export function rgbDistanceSquared(a: Rgb, b: Rgb): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
}

/**
 * The background colour to trim, chosen from the four corners (composited on white) by majority:
 * the corner that the most corners lie within `maxDistance` of, ties going to the top-left, then
 * top-right, bottom-left, bottom-right. ImageMagick's -trim takes the top-left pixel alone, which
 * is the same answer whenever the corners agree; the vote keeps the trim right when one corner
 * is not background (an item cropped at the corner, a logo, a shadow), where the top-left alone
 * would take the item's colour for the page and trim nothing. A per-channel median was the other
 * choice; it can invent a colour no corner has, and the vote needs no averaging.
 */
export function cornerColour(image: RgbaImage, maxDistance: number): Rgb {
  const { width, height } = image;
  const corners = [pixelOnWhite(image, 0, 0), pixelOnWhite(image, width - 1, 0), pixelOnWhite(image, 0, height - 1), pixelOnWhite(image, width - 1, height - 1)];
  const limit = maxDistance * maxDistance;
  let best = corners[0]!;
  let bestVotes = 0;
  for (const candidate of corners) {
    const votes = corners.filter((other) => rgbDistanceSquared(candidate, other) <= limit).length;
    if (votes > bestVotes) {
      best = candidate;
      bestVotes = votes;
    }
  }
  return best;
}
