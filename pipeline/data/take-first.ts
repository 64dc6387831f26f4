import { IMAGE_PIXELS } from '../../core/class-names.js';
import type { ImageSet } from './fashion-mnist.js';

/** The first `n` images of a set (a view, no copy). */
export function takeFirst(set: ImageSet, n: number): ImageSet {
  const count = Math.min(n, set.count);
  return { images: set.images.subarray(0, count * IMAGE_PIXELS), labels: set.labels.subarray(0, count), count };
}
