import type { FloatImage } from './types.js';

/** The last step: 8 bits per sample, rounded and clamped to 0..255. */
export function toBytes(image: FloatImage): Uint8Array {
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(255, Math.max(0, Math.round(image.data[i]!)));
  return out;
}
