import { describe, expect, it } from 'vitest';
import { addGaussianNoise } from '../../../../pipeline/image-ops/add-gaussian-noise.js';
import { adjustContrast, meanLevel } from '../../../../pipeline/image-ops/adjust-contrast.js';
import { adjustGamma } from '../../../../pipeline/image-ops/adjust-gamma.js';
import { gaussianBlur } from '../../../../pipeline/image-ops/gaussian-blur.js';
import { PIXELS, SIDE, grayImage } from '../../../../pipeline/image-ops/gray-image.js';
import { mirror } from '../../../../pipeline/image-ops/mirror.js';
import { shiftImage } from '../../../../pipeline/image-ops/shift-image.js';
import { shrinkCentred } from '../../../../pipeline/image-ops/shrink-centred.js';
import { warpAffine } from '../../../../pipeline/image-ops/warp-affine.js';
import { mulberry32 } from '../../../../pipeline/shared/seeded-random.js';

const at = (img: Float32Array, x: number, y: number) => img[y * SIDE + x]!;
/** A bright rectangle x in [x0, x1), y in [y0, y1) on black. */
function rect(x0: number, y0: number, x1: number, y1: number, level = 200) {
  const img = grayImage();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img[y * SIDE + x] = level;
  return img;
}
const sum = (img: Float32Array) => img.reduce((s, v) => s + v, 0);
/** Bounding box of pixels above `t`. */
function box(img: Float32Array, t = 1) {
  let [x0, y0, x1, y1] = [SIDE, SIDE, -1, -1];
  for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) if (at(img, x, y) > t) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { x0, y0, x1, y1 };
}

describe('image operations on 28x28 images', () => {
  it('mirror swaps left and right, and twice is the identity', () => {
    const src = rect(2, 5, 6, 9);
    const once = grayImage();
    const twice = grayImage();
    mirror(src, once);
    expect(box(once)).toEqual({ x0: 22, y0: 5, x1: 25, y1: 8 });
    mirror(once, twice);
    expect(twice).toEqual(src);
  });

  it('shiftImage moves by whole pixels, filling with black, and refuses fractions', () => {
    const dst = grayImage();
    shiftImage(rect(10, 10, 14, 14), dst, 3, -2);
    expect(box(dst)).toEqual({ x0: 13, y0: 8, x1: 16, y1: 11 });
    shiftImage(rect(0, 0, 28, 28), dst, -3, 0);
    expect(at(dst, 24, 5)).toBe(200);
    expect(at(dst, 25, 5)).toBe(0);
    expect(() => shiftImage(dst, grayImage(), 0.5, 0)).toThrow(/whole pixels/);
  });

  it('shrinkCentred(0.8) keeps the total light times 0.64 (area-averaged), centred, with a black frame', () => {
    const src = rect(0, 0, 28, 28, 100);
    const dst = grayImage();
    shrinkCentred(src, dst, 0.8);
    expect(sum(dst)).toBeCloseTo(sum(src) * 0.64, 2);
    // 22.4 px wide, from 2.8 to 25.2: pixel 2 is 20% covered, 3..24 fully, 25 20%.
    expect(at(dst, 1, 14)).toBe(0);
    expect(at(dst, 2, 14)).toBeCloseTo(20, 4);
    expect(at(dst, 3, 14)).toBeCloseTo(100, 4);
    expect(at(dst, 25, 14)).toBeCloseTo(20, 4);
    expect(at(dst, 26, 14)).toBe(0);
    expect(() => shrinkCentred(src, dst, 1.2)).toThrow(/scale in \(0, 1\]/);
  });

  it('warpAffine: identity copies, a whole-pixel shift equals shiftImage, scale 0.5 halves the width', () => {
    const src = rect(8, 6, 20, 22);
    const dst = grayImage();
    warpAffine(src, dst, { scale: 1, degrees: 0, dx: 0, dy: 0 });
    expect(Array.from(dst)).toEqual(Array.from(src));
    const shifted = grayImage();
    shiftImage(src, shifted, 2, 3);
    warpAffine(src, dst, { scale: 1, degrees: 0, dx: 2, dy: 3 });
    expect(Array.from(dst)).toEqual(Array.from(shifted));
    warpAffine(rect(4, 4, 24, 24), dst, { scale: 0.5, degrees: 0, dx: 0, dy: 0 });
    const b = box(dst, 150);
    expect(b.x1 - b.x0 + 1).toBe(10);
    // 90 degrees clockwise turns a wide bar into a tall one.
    warpAffine(rect(4, 12, 24, 16), dst, { scale: 1, degrees: 90, dx: 0, dy: 0 });
    const turned = box(dst, 150);
    expect(turned.y1 - turned.y0).toBeGreaterThan(turned.x1 - turned.x0);
  });

  it('adjustContrast: pivot 0 halves every value; pivot at the mean keeps the mean', () => {
    const img = rect(5, 5, 15, 15, 200);
    const halved = img.slice();
    adjustContrast(halved, 0.5);
    expect(Array.from(halved)).toEqual(Array.from(img, (v) => v / 2));
    const about = img.slice();
    adjustContrast(about, 0.5, meanLevel(img));
    expect(meanLevel(about)).toBeCloseTo(meanLevel(img), 3);
    expect(at(about, 0, 0)).toBeGreaterThan(0);
  });

  it('adjustGamma keeps 0 and 255 and darkens the mid-tones for gamma > 1', () => {
    const img = grayImage();
    img[0] = 0;
    img[1] = 255;
    img[2] = 127.5;
    adjustGamma(img, 2);
    expect([img[0], img[1]]).toEqual([0, 255]);
    expect(img[2]).toBeCloseTo(63.75, 3);
  });

  it('gaussianBlur keeps a flat image flat and the total light of a centred dot, and spreads it by sigma', () => {
    const flat = rect(0, 0, 28, 28, 90);
    const out = grayImage();
    gaussianBlur(flat, out, 1);
    for (const v of out) expect(v).toBeCloseTo(90, 3);
    const dot = grayImage();
    dot[14 * SIDE + 14] = 255;
    gaussianBlur(dot, out, 1);
    expect(sum(out)).toBeCloseTo(255, 2);
    // A sampled Gaussian of sigma 1: the neighbour is exp(-1/2) of the centre.
    expect(at(out, 15, 14) / at(out, 14, 14)).toBeCloseTo(Math.exp(-0.5), 3);
  });

  it('addGaussianNoise has the asked std, stays in 0..255, and repeats for the same draws', () => {
    const img = rect(0, 0, 28, 28, 128);
    addGaussianNoise(img, 20, mulberry32(7));
    const mean = meanLevel(img);
    const std = Math.sqrt(img.reduce((s, v) => s + (v - mean) ** 2, 0) / PIXELS);
    expect(mean).toBeCloseTo(128, -0.5);
    expect(std).toBeGreaterThan(17);
    expect(std).toBeLessThan(23);
    const again = rect(0, 0, 28, 28, 128);
    addGaussianNoise(again, 20, mulberry32(7));
    expect(again).toEqual(img);
    const black = grayImage();
    addGaussianNoise(black, 50, mulberry32(1));
    expect(Math.min(...black)).toBe(0);
    expect(Math.max(...black)).toBeLessThanOrEqual(255);
  });
});
