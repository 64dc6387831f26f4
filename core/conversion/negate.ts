import type { FloatImage } from './types.js';

/** Step 6: negates every sample (255 - v): a dark item on white becomes a light item on black, Fashion-MNIST's polarity. */
export function negate(image: FloatImage): FloatImage {
  return { ...image, data: image.data.map((v) => 255 - v) };
}
