import type { ImageSet } from './image-set.js';
import { sliceImageSet } from './image-set.js';

/**
 * The first `n` images of `set` as views (no copy); all of them when the set is smaller, so a
 * `--limit` larger than a split just takes the whole split.
 */
export function takeFirst(set: ImageSet, n: number): ImageSet {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`takeFirst needs a whole number of images >= 0, got ${n}.`);
  return sliceImageSet(set.images, set.labels, 0, Math.min(n, set.count));
}
