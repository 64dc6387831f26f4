import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../../../core/class-names.js';
import { distortImages, randomAffine, warpImage, type DistortionRange } from '../../../../pipeline/train/random-distortion.js';
import { mulberry32 } from '../../../../pipeline/train/seeded-random.js';

const NONE: DistortionRange = { translate: 0, scale: 0, squeeze: 0, shear: 0, mirror: false };

/** A 28x28 image with distinct values: 1 + x + 28 y. */
const ramp = () => Float32Array.from({ length: IMAGE_PIXELS }, (_, i) => 1 + i);
const pixel = (img: ArrayLike<number>, x: number, y: number) => img[y * IMAGE_SIZE + x]!;

describe('random distortions (LeCun et al. 1998 affine maps, plus a mirror)', () => {
  it('is the identity when every range is zero', () => {
    const img = ramp();
    const out = new Float32Array(IMAGE_PIXELS);
    warpImage(img, 0, out, 0, randomAffine(mulberry32(1), NONE));
    expect(Array.from(out)).toEqual(Array.from(img));
  });

  it('mirrors left-right exactly when the flip is drawn', () => {
    // random() < 0.5 draws the flip; the other draws (at 0.5) give zero distortion.
    const draws = [0.5, 0.5, 0.5, 0.5, 0.5, 0.1];
    const affine = randomAffine(() => draws.shift()!, { ...NONE, mirror: true });
    const img = ramp();
    const out = new Float32Array(IMAGE_PIXELS);
    warpImage(img, 0, out, 0, affine);
    for (const [x, y] of [[0, 0], [3, 7], [27, 27], [13, 14]] as const) expect(pixel(out, x, y)).toBeCloseTo(pixel(img, IMAGE_SIZE - 1 - x, y), 4);
  });

  it('shifts by whole pixels and fills what comes in from outside with black (0)', () => {
    // translate 2, draws: scale, squeeze, shear at their centre; tx = +2 (draw 1), ty = -2 (draw 0).
    const draws = [0.5, 0.5, 0.5, 1, 0];
    const affine = randomAffine(() => draws.shift()!, { ...NONE, translate: 2 });
    const img = ramp();
    const out = new Float32Array(IMAGE_PIXELS);
    warpImage(img, 0, out, 0, affine);
    expect(pixel(out, 5, 5)).toBeCloseTo(pixel(img, 3, 7), 4);
    expect(pixel(out, 0, 10)).toBe(0); // came from x = -2
    expect(pixel(out, 10, 27)).toBe(0); // came from y = 29
  });

  it('keeps distortions within range: the centre stays within translate, and ink is roughly conserved', () => {
    const range: DistortionRange = { translate: 2, scale: 0.1, squeeze: 0.1, shear: 0.15, mirror: true };
    const random = mulberry32(42);
    const blob = new Float32Array(IMAGE_PIXELS);
    for (let y = 10; y < 18; y++) for (let x = 10; x < 18; x++) blob[y * IMAGE_SIZE + x] = 255;
    for (let k = 0; k < 200; k++) {
      const out = blob.slice();
      distortImages(out, 1, random, range);
      let ink = 0, cx = 0, cy = 0;
      out.forEach((v, i) => {
        ink += v;
        cx += v * (i % IMAGE_SIZE);
        cy += v * Math.floor(i / IMAGE_SIZE);
      });
      const inkBefore = 64 * 255;
      expect(ink / inkBefore).toBeGreaterThan(0.75);
      expect(ink / inkBefore).toBeLessThan(1.3);
      expect(Math.abs(cx / ink - 13.5)).toBeLessThan(2 + 0.6);
      expect(Math.abs(cy / ink - 13.5)).toBeLessThan(2 + 0.6);
    }
  });

  it('draws a different map for each image, reproducibly from the seed', () => {
    const range: DistortionRange = { translate: 2, scale: 0.1, squeeze: 0.1, shear: 0.15, mirror: true };
    const two = new Float32Array(2 * IMAGE_PIXELS);
    two.set(ramp(), 0);
    two.set(ramp(), IMAGE_PIXELS);
    const again = two.slice();
    distortImages(two, 2, mulberry32(7), range);
    distortImages(again, 2, mulberry32(7), range);
    expect(Array.from(two)).toEqual(Array.from(again));
    expect(Array.from(two.subarray(0, IMAGE_PIXELS))).not.toEqual(Array.from(two.subarray(IMAGE_PIXELS)));
  });
});
