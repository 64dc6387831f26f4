import { compositeOnWhite } from './composite-on-white.js';
import type { Box, RgbaImage } from './types.js';

/** Trim tolerance: 5% of the largest RGB distance (black to white, 255*sqrt(3)), as Zalando trimmed. */
export const TRIM_TOLERANCE = 0.05;

/**
 * The box holding every pixel farther than TRIM_TOLERANCE from the corner colour (the top-left
 * pixel, composited on white, as ImageMagick's -trim does). An image that is all background keeps
 * its full box rather than vanishing.
 */
export function findContentBox(image: RgbaImage, tolerance = TRIM_TOLERANCE): Box {
  const { width, height } = image;
  const corner = Float64Array.from(compositeOnWhite(image, 0, new Float64Array(3)));
  const limit = (tolerance * 255 * Math.sqrt(3)) ** 2;
  const px = new Float64Array(3);
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      compositeOnWhite(image, y * width + x, px);
      const dr = px[0]! - corner[0]!;
      const dg = px[1]! - corner[1]!;
      const db = px[2]! - corner[2]!;
      if (dr * dr + dg * dg + db * db > limit) {
        if (x < x0) x0 = x;
        if (x >= x1) x1 = x + 1;
        if (y < y0) y0 = y;
        if (y >= y1) y1 = y + 1;
      }
    }
  }
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : { x0: 0, y0: 0, x1: width, y1: height };
}
