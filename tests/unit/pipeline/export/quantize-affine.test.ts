import { describe, expect, it } from 'vitest';
import { affineRange, quantizeAffine, UINT8_MAX } from '../../../../pipeline/export/quantize-affine.js';
import { decodeAsTfjs, seededFloats } from './quantize-fixtures.js';

/** Quantizes to uint8 and decodes the codes with tf.js' own decoder, as a loaded model would. */
function roundTrip(values: Float32Array) {
  const q = quantizeAffine(values);
  const decoded = decodeAsTfjs(q.codes, [{ name: 'w', shape: [values.length], dtype: 'float32', quantization: { dtype: 'uint8', min: q.min, scale: q.scale } }]).w!;
  return { ...q, decoded };
}

/** The largest |w - ŵ|, and the bound it must stay under: half a step, plus float32 rounding of the decoded value. */
function worstError(values: Float32Array, decoded: Float32Array, scale: number) {
  let worst = 0;
  let largest = 0;
  values.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(v - decoded[i]!));
    largest = Math.max(largest, Math.abs(v));
  });
  return { worst, bound: scale / 2 + largest * 2 ** -23 };
}

describe('affine uint8 quantization (as tensorflowjs/quantization.py)', () => {
  it('nudges a range that covers 0 so 0 is a whole code: hand-worked cases', () => {
    // [-1, 2]: scale 3/255, zero point 1/(3/255) = 85 exactly, min stays -1.
    expect(affineRange(-1, 2)).toEqual({ min: -1, scale: 3 / 255 });
    // [-0.1, 1]: scale 1.1/255; zero point 0.1/scale = 23.18 -> 23; min = -23 * scale.
    const r = affineRange(-0.1, 1);
    expect(r.scale).toBe(1.1 / 255);
    expect(r.min).toBe(-23 * (1.1 / 255));
    expect(-r.min / r.scale).toBe(23);
    // A range that does not cover 0 is not nudged; one value decodes exactly.
    expect(affineRange(0.2, 0.7)).toEqual({ min: 0.2, scale: 0.5 / 255 });
    expect(affineRange(-3, -1)).toEqual({ min: -3, scale: 2 / 255 });
    expect(affineRange(0.25, 0.25)).toEqual({ min: 0.25, scale: 1 });
  });

  it.each([
    ['mixed signs', -0.31, 0.77],
    ['mostly positive', -0.002, 1.5],
    ['mostly negative', -2.5, 0.01],
    ['all positive', 0.1, 0.9],
    ['all negative', -0.9, -0.1],
    ['tiny', -1e-4, 3e-4],
  ])('round-trips %s weights through tf.js with |w - ŵ| <= scale/2', (_, lo, hi) => {
    const values = seededFloats(20_000, lo, hi, 7);
    const { decoded, scale, codes } = roundTrip(values);
    const { worst, bound } = worstError(values, decoded, scale);
    expect(worst).toBeLessThanOrEqual(bound);
    // The bound is tight, not vacuous: the worst error is close to half a step.
    expect(worst).toBeGreaterThan(0.4 * scale);
    expect(scale).toBeCloseTo((Math.max(...values) - Math.min(...values)) / UINT8_MAX, 12);
    expect(Math.max(...codes)).toBeGreaterThanOrEqual(UINT8_MAX - 1);
  });

  it('decodes 0 to exactly 0 whenever the range covers 0', () => {
    for (const [lo, hi, seed] of [[-0.37, 0.81, 1], [-1e-3, 5, 2], [-7, 0.02, 3], [-0.5, 0.5, 4]] as const) {
      const values = seededFloats(1000, lo, hi, seed);
      values[17] = 0;
      values[500] = 0;
      const { decoded, codes, min, scale } = roundTrip(values);
      expect(decoded[17]).toBe(0);
      expect(decoded[500]).toBe(0);
      expect(codes[17]).toBe(-min / scale);
    }
    // A weight of all zeros (a fresh bias) stays all zeros.
    expect(Array.from(roundTrip(new Float32Array(64)).decoded)).toEqual(new Array(64).fill(0));
  });

  it('keeps a constant weight exact and the ends of the range within half a step', () => {
    const constant = roundTrip(new Float32Array(10).fill(0.125));
    expect(Array.from(constant.decoded)).toEqual(new Array(10).fill(0.125));
    const values = Float32Array.from([-0.1, 1, 0.5, 0]);
    const { decoded, scale } = roundTrip(values);
    expect(Math.abs(decoded[0]! - -0.1)).toBeLessThanOrEqual(scale / 2 + 1e-7);
    expect(Math.abs(decoded[1]! - 1)).toBeLessThanOrEqual(scale / 2 + 1e-7);
  });

  it('refuses NaN and infinite weights with a sentence', () => {
    expect(() => quantizeAffine(Float32Array.from([0.1, NaN]))).toThrow(/must all be finite/);
    expect(() => quantizeAffine(Float32Array.from([Infinity]))).toThrow(/Infinity/);
    expect(() => affineRange(1, 0)).toThrow(/min <= max/);
  });
});
