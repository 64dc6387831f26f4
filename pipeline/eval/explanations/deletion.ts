import { IMAGE_PIXELS } from '../../../core/model-contract.js';

/** Share of the pixels deleted by the faithfulness test (issue 24: the 10% most important). */
export const DELETION_FRACTION = 0.1;
/** How many pixels that is: 78 of 784. */
export const DELETED_PIXELS = Math.round(IMAGE_PIXELS * DELETION_FRACTION);

/** Indices of the `count` highest values of `map` (ties: lower index first). Throws if count is out of range. */
export function mostImportantPixels(map: ArrayLike<number>, count: number = DELETED_PIXELS): number[] {
  if (!Number.isInteger(count) || count < 0 || count > map.length) throw new Error(`Cannot pick ${count} pixels of a map of ${map.length}.`);
  return Array.from(map, (value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, count)
    .map((p) => p.index);
}

/** `count` distinct pixel indices drawn with `random` (0..1): a partial Fisher-Yates shuffle. */
export function randomPixels(random: () => number, count: number = DELETED_PIXELS, size: number = IMAGE_PIXELS): number[] {
  if (!Number.isInteger(count) || count < 0 || count > size) throw new Error(`Cannot draw ${count} distinct pixels of ${size}.`);
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (size - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count);
}

/** A copy of the image with the given pixels set to the background (0: black in Fashion-MNIST polarity). */
export function deletePixels(pixels: Uint8Array, indices: readonly number[]): Uint8Array {
  const out = Uint8Array.from(pixels);
  for (const i of indices) out[i] = 0;
  return out;
}
