import type { QuantizationResult } from '../../core/types.js';

/** How far (as a fraction, 0.002 = 0.2 points) a variant's test accuracy may fall below float32's and still ship. */
export const SHIPPING_TOLERANCE = 0.002;

/**
 * The variant the extension ships: the smallest whose test accuracy is within `tolerance` of the
 * float32 variant's (a variant that does better always qualifies). Ties in size go to the more
 * accurate. Pure. Throws when there is no float32 variant to compare with.
 */
export function chooseShippedVariant(variants: readonly QuantizationResult[], tolerance = SHIPPING_TOLERANCE): QuantizationResult {
  const float32 = variants.find((v) => v.dtype === 'float32');
  if (!float32) throw new Error(`Choosing the shipped weights needs the float32 variant's accuracy to compare with; got only ${variants.map((v) => v.dtype).join(', ') || 'no variants'}.`);
  // 1e-9 absorbs float noise in the difference (0.9000 - 0.8980 is not exactly 0.002).
  const good = variants.filter((v) => float32.testAccuracy - v.testAccuracy <= tolerance + 1e-9);
  return [...good].sort((a, b) => a.weightBytes - b.weightBytes || b.testAccuracy - a.testAccuracy)[0]!;
}
