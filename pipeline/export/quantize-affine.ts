/** What tf.js needs to decode an affine-quantized weight: value = q * scale + min. */
export interface AffineQuantization {
  /** The decoded value of q = 0. */
  min: number;
  /** The step between neighbouring codes. */
  scale: number;
}

/** An affine-quantized weight: the codes and how to decode them. */
export interface AffineQuantized extends AffineQuantization {
  /** One code per value, 0..255. */
  codes: Uint8Array;
}

/** The largest uint8 code. */
export const UINT8_MAX = 255;

/**
 * The decoding range for values in [min, max] on codes 0..quantMax, as the reference converter
 * (tensorflowjs/quantization.py) computes it: when the range covers 0, it is nudged so that 0 is
 * a whole code and decodes to exactly 0. That matters beyond tidiness: zero-padding in
 * convolutions and ReLU's exact zeros must stay zeros, and a bias of 0 must not pick up an offset.
 * The nudge moves each end by at most scale/2, so every value stays within scale/2 of a code.
 */
export function affineRange(min: number, max: number, quantMax = UINT8_MAX): AffineQuantization {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) throw new Error(`affineRange needs finite min <= max, got [${min}, ${max}].`);
  // One value (min === max): every code is 0 and decodes to that value exactly, as the reference does.
  if (min === max) return { min, scale: 1 };
  const scale = (max - min) / quantMax;
  if (min > 0 || max < 0) return { min, scale };
  const zeroPoint = Math.round(-min / scale);
  return { min: -zeroPoint * scale, scale };
}

/**
 * Quantizes float32 weights to uint8 codes over their own range (one range per weight tensor,
 * as tf.js' layers-format manifest stores one {min, scale} per weight). Values beyond the nudged
 * range are clipped to its ends, which are within scale/2 of the true min and max. Throws on NaN
 * or infinite values, which no trained model should have and no range could hold.
 */
export function quantizeAffine(values: Float32Array, quantMax = UINT8_MAX): AffineQuantized {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`Cannot quantize a weight holding ${v}; the model's weights must all be finite numbers (retrain it).`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) return { codes: new Uint8Array(0), min: 0, scale: 1 };
  const range = affineRange(min, max, quantMax);
  const codes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const q = Math.round((values[i]! - range.min) / range.scale);
    codes[i] = q < 0 ? 0 : q > quantMax ? quantMax : q;
  }
  return { codes, ...range };
}
