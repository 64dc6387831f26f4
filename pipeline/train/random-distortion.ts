import { IMAGE_PIXELS, IMAGE_SIZE } from '../../core/class-names.js';

/**
 * How far the training images may be distorted, after LeCun et al. 1998 (section III.C, the
 * "distortions" run of LeNet-5): random planar affine maps made of translations, scaling,
 * squeezing (compress one axis while stretching the other) and horizontal shearing, drawn anew for
 * every image of every batch. `mirror` adds a left-right flip with probability 1/2, the fashion
 * counterpart of those distortions (a garment and its mirror image are the same class; a digit and
 * its mirror image are not, which is why the paper has no flip).
 */
export interface DistortionRange {
  /** Largest shift, in pixels, on each axis. */
  translate: number;
  /** Largest relative change of size (0.1: 90%..110%). */
  scale: number;
  /** Largest squeeze: x scaled by (1 + s), y by 1 / (1 + s), s in [-squeeze, squeeze]. */
  squeeze: number;
  /** Largest horizontal shear (x moves by shear * (y - centre)). */
  shear: number;
  /** Flip left-right with probability 1/2. */
  mirror: boolean;
}

/** Maps an output pixel (x, y) to where it is read in the source: sx = a*x + b*y + c, sy = d*x + e*y + f. */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

const CENTRE = (IMAGE_SIZE - 1) / 2;

/** A uniform draw in [-range, range]. */
const spread = (random: () => number, range: number) => (2 * random() - 1) * range;

/**
 * A random affine map within `range`, about the image centre. The forward map (source to output)
 * is M = flip * shear * squeeze * scale; the result is its inverse (output to source), which is
 * what sampling needs. Pure given `random`.
 */
export function randomAffine(random: () => number, range: DistortionRange): Affine {
  const scale = 1 + spread(random, range.scale);
  const squeeze = 1 + spread(random, range.squeeze);
  const shear = spread(random, range.shear);
  const tx = spread(random, range.translate);
  const ty = spread(random, range.translate);
  const flip = range.mirror && random() < 0.5 ? -1 : 1;
  // Forward linear part: [[flip*sx, flip*shear*sy], [0, sy]] with sx = scale*squeeze, sy = scale/squeeze.
  const sx = scale * squeeze;
  const sy = scale / squeeze;
  const m00 = flip * sx;
  const m01 = flip * shear * sy;
  const m11 = sy;
  // Inverse of [[m00, m01], [0, m11]].
  const i00 = 1 / m00;
  const i01 = -m01 / (m00 * m11);
  const i11 = 1 / m11;
  // source = inverse * (output - centre - t) + centre
  return {
    a: i00,
    b: i01,
    c: CENTRE - i00 * (CENTRE + tx) - i01 * (CENTRE + ty),
    d: 0,
    e: i11,
    f: CENTRE - i11 * (CENTRE + ty),
  };
}

/**
 * Warps one 28x28 image (`src` from `srcOffset`) into `dst` (from `dstOffset`) through `affine`,
 * sampling bilinearly; what falls outside the source is 0, Fashion-MNIST's black background.
 */
export function warpImage(src: ArrayLike<number>, srcOffset: number, dst: Float32Array, dstOffset: number, affine: Affine): void {
  const { a, b, c, d, e, f } = affine;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= IMAGE_SIZE || y >= IMAGE_SIZE ? 0 : src[srcOffset + y * IMAGE_SIZE + x]!);
  for (let y = 0; y < IMAGE_SIZE; y++) {
    for (let x = 0; x < IMAGE_SIZE; x++) {
      const sx = a * x + b * y + c;
      const sy = d * x + e * y + f;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      dst[dstOffset + y * IMAGE_SIZE + x] = top * (1 - fy) + bottom * fy;
    }
  }
}

/** Distorts each of the `count` images in `pixels` (28x28 each, in place), each by its own random map. */
export function distortImages(pixels: Float32Array, count: number, random: () => number, range: DistortionRange): void {
  const copy = new Float32Array(IMAGE_PIXELS);
  for (let i = 0; i < count; i++) {
    const offset = i * IMAGE_PIXELS;
    copy.set(pixels.subarray(offset, offset + IMAGE_PIXELS));
    warpImage(copy, 0, pixels, offset, randomAffine(random, range));
  }
}
