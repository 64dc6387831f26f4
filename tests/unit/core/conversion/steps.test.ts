import { describe, expect, it } from 'vitest';
import { compositeRowOnWhite, pixelOnWhite } from '../../../../core/conversion/composite-on-white.js';
import { LEVEL_FLOOR, levelFromBackground } from '../../../../core/conversion/level-from-background.js';
import { negate } from '../../../../core/conversion/negate.js';
import { padToSquare } from '../../../../core/conversion/pad-to-square.js';
import { toBytes } from '../../../../core/conversion/to-bytes.js';
import { LUMA_WEIGHTS, luma, toGrayscale } from '../../../../core/conversion/to-grayscale.js';
import type { FloatImage, RgbaImage } from '../../../../core/conversion/types.js';

const gray = (values: number[], width = values.length): FloatImage => ({ data: Float32Array.from(values), width, height: values.length / width, channels: 1 });

describe('compositeRowOnWhite', () => {
  it('puts transparency on white: opaque unchanged, transparent white whatever its colour, partial blended', () => {
    const image: RgbaImage = { width: 3, height: 1, data: new Uint8Array([10, 20, 30, 255, 200, 0, 0, 0, 0, 100, 255, 51]) };
    const out = Array.from(compositeRowOnWhite(image, 0, 0, 3, new Float32Array(9)));
    expect(out.slice(0, 6)).toEqual([10, 20, 30, 255, 255, 255]);
    // alpha 51/255 = 0.2: 0.2*colour + 0.8*255.
    [0.2 * 0 + 204, 0.2 * 100 + 204, 0.2 * 255 + 204].forEach((v, i) => expect(out[6 + i]).toBeCloseTo(v, 4));
    expect(pixelOnWhite(image, 1, 0)).toEqual([255, 255, 255]);
  });
});

describe('padToSquare', () => {
  it('centres the image, the odd pixel of margin after it, filled with the given colour', () => {
    const strip: FloatImage = { data: new Float32Array(3 * 2 * 3).fill(7), width: 3, height: 2, channels: 3 };
    const out = padToSquare(strip, 5, [1, 2, 3]);
    expect(out).toMatchObject({ width: 5, height: 5, channels: 3 });
    const rowsWithImage = [0, 1, 2, 3, 4].filter((y) => out.data[(y * 5 + 2) * 3] === 7);
    expect(rowsWithImage).toEqual([1, 2]); // top margin 1, bottom 2
    const columnsWithImage = [0, 1, 2, 3, 4].filter((x) => out.data[(1 * 5 + x) * 3] === 7);
    expect(columnsWithImage).toEqual([1, 2, 3]);
    expect(Array.from(out.data.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(padToSquare(gray([9]), 2).data)).toEqual([9, 255, 255, 255]); // default white
  });
});

describe('negate, toGrayscale, toBytes', () => {
  it('negates every sample', () => {
    expect(Array.from(negate(gray([0, 100, 255])).data)).toEqual([255, 155, 0]);
  });

  it('takes BT.601 luma of gamma-encoded RGB', () => {
    expect(LUMA_WEIGHTS).toEqual([0.299, 0.587, 0.114]);
    expect(LUMA_WEIGHTS.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12); // white stays white, so negation commutes
    const rgb: FloatImage = { data: Float32Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]), width: 4, height: 1, channels: 3 };
    const out = Array.from(toGrayscale(rgb).data);
    [76.245, 149.685, 29.07, 255].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 3));
    expect(luma([40, 60, 140])).toBeCloseTo(0.299 * 40 + 0.587 * 60 + 0.114 * 140, 10);
  });

  it('rounds and clamps to bytes', () => {
    expect(Array.from(toBytes(gray([-3, 0.49, 0.5, 127.6, 254.5, 300])))).toEqual([0, 0, 1, 128, 255, 255]);
  });
});

describe('levelFromBackground', () => {
  it('on a white page (background 0) stretches the brightest pixel to 255, like every Fashion-MNIST image', () => {
    expect(Array.from(levelFromBackground(gray([0, 40, 80, 160]), 0).data)).toEqual([0, 63.75, 127.5, 255]);
  });

  it('makes a grey page black and clamps the halo on its far side', () => {
    // Page 20 after negation; 12 is the sharpening halo just outside an item (lighter than the page).
    const out = Array.from(levelFromBackground(gray([20, 12, 120, 220]), 20).data);
    expect(out).toEqual([0, 0, 127.5, 255]);
  });

  it('turns an item darker than its page (a light item on a dark page) light on black', () => {
    // A black page is 255 after negation; the white item near 20.
    const out = Array.from(levelFromBackground(gray([255, 20, 137.5]), 255).data);
    expect(out).toEqual([0, 255, 127.5]);
  });

  it('does not amplify contrast below the floor (noise on a blank page)', () => {
    expect(LEVEL_FLOOR).toBeCloseTo(12.75, 10);
    expect(Array.from(levelFromBackground(gray([0, 3, 10]), 0).data)).toEqual([0, 3, 10]);
    expect(Array.from(levelFromBackground(gray([50, 50]), 50).data)).toEqual([0, 0]);
  });
});
