import { describe, expect, it } from 'vitest';
import { FLOAT16_MAX, quantizeFloat16, toFloat16Bits } from '../../../../pipeline/export/quantize-float16.js';
import { decodeAsTfjs, seededFloats } from './quantize-fixtures.js';

/** Decodes half bits with tf.js' own float16 decoder, as a loaded model would. */
function decodeHalves(bits: Uint16Array): Float32Array {
  return decodeAsTfjs(new Uint8Array(bits.buffer), [{ name: 'w', shape: [bits.length], dtype: 'float32', quantization: { dtype: 'float16' } }]).w!;
}

describe('float16 (IEEE binary16) quantization', () => {
  it('is the exact inverse of tf.js\' decoder on every finite half', () => {
    const all = Uint16Array.from({ length: 0x10000 }, (_, i) => i).filter((h) => (h & 0x7c00) !== 0x7c00);
    const decoded = decodeHalves(all);
    const back = Uint16Array.from(decoded, (v) => toFloat16Bits(v));
    const mismatches = all.filter((h, i) => back[i] !== h);
    expect(mismatches.length).toBe(0);
    expect(all.length).toBe(2 * 31 * 1024);
  });

  it('rounds to nearest, ties to even, and encodes known values', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(0)).toBe(0);
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(toFloat16Bits(FLOAT16_MAX)).toBe(0x7bff);
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toFloat16Bits(2 ** -14)).toBe(0x0400); // smallest normal
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie -> even (down)
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie -> even (up)
    expect(toFloat16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01); // past the tie -> up
    expect(toFloat16Bits(2 ** -25)).toBe(0); // tie between 0 and the smallest subnormal -> 0
    expect(toFloat16Bits(1.5 * 2 ** -25)).toBe(1);
    expect(toFloat16Bits(65520)).toBe(0x7c00); // rounds past the largest half: Infinity
  });

  it('round-trips weights through tf.js with relative error <= 2^-11 (absolute <= 2^-25 below the normal range)', () => {
    for (const [lo, hi, seed] of [[-1, 1, 1], [-1e-3, 1e-3, 2], [-300, 300, 3], [-1e-5, 1e-5, 4]] as const) {
      const values = seededFloats(20_000, lo, hi, seed);
      const decoded = decodeHalves(quantizeFloat16(values));
      let worstRelative = 0;
      let worstSubnormal = 0;
      values.forEach((v, i) => {
        const error = Math.abs(v - decoded[i]!);
        if (Math.abs(v) >= 2 ** -14) worstRelative = Math.max(worstRelative, error / Math.abs(v));
        else worstSubnormal = Math.max(worstSubnormal, error);
      });
      expect(worstRelative).toBeLessThanOrEqual(2 ** -11);
      expect(worstSubnormal).toBeLessThanOrEqual(2 ** -25);
      if (lo === -1) expect(worstRelative).toBeGreaterThan(2 ** -12); // the bound is tight
    }
  });

  it('keeps 0 exact and refuses values a half cannot hold', () => {
    expect(Array.from(decodeHalves(quantizeFloat16(Float32Array.from([0, -0, 1e-9]))))).toEqual([0, -0, 0]);
    expect(() => quantizeFloat16(Float32Array.from([1, 70_000]))).toThrow(/70000 as float16/);
    expect(() => quantizeFloat16(Float32Array.from([NaN]))).toThrow(/NaN/);
  });
});
