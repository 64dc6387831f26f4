import type { GrayImage } from './types.js';

/** Negates (dark item on white becomes light item on black, Fashion-MNIST's polarity) and rounds to 8 bits. */
export function negateToBytes(image: GrayImage): Uint8Array {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(255, Math.max(0, Math.round(255 - image.data[i]!)));
  return out;
}
