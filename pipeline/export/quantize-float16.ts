/** The largest finite IEEE half-precision value. */
export const FLOAT16_MAX = 65504;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The IEEE 754 binary16 bits of a number, rounded to nearest, ties to even (what numpy's
 * astype(float16) does, and what tf.js' float16 decoder expects). Subnormal halves are kept, not
 * flushed to zero; a value beyond ±65504 becomes ±Infinity and NaN stays NaN, so callers that
 * must not lose a weight check FLOAT16_MAX first (quantizeFloat16 does).
 */
export function toFloat16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal half (or zero): value = mantissa24 * 2^(exponent-150); one half unit is 2^-24.
    if (halfExponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShift(mantissa, shift);
  }
  // Normal half: keep 10 of the 23 mantissa bits; a carry out of the mantissa bumps the exponent
  // (and 65520 and up carries into 0x7c00, Infinity, as IEEE rounding says).
  return sign | roundShift((halfExponent << 23) | mantissa, 13);
}

/** value >> shift, rounded to nearest with ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = Math.floor(value / 2 ** shift);
  const rest = value - kept * 2 ** shift;
  const half = 2 ** (shift - 1);
  return rest > half || (rest === half && kept % 2 === 1) ? kept + 1 : kept;
}

/**
 * Converts float32 weights to IEEE half precision (2 bytes each, little-endian as tf.js reads
 * them). Relative error at most 2^-11 for normal halves (|w| >= 2^-14); absolute error at most
 * 2^-25 below that. Throws on values a half cannot hold rather than turning a weight into Infinity.
 */
export function quantizeFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || Math.abs(v) > FLOAT16_MAX) {
      throw new Error(`Cannot store the weight value ${v} as float16 (finite, at most ±${FLOAT16_MAX}); keep this model in float32 or uint8.`);
    }
    out[i] = toFloat16Bits(v);
  }
  return out;
}
