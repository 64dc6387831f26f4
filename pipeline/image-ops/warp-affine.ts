import { SIDE, type GrayImage } from './gray-image.js';

/** A similarity transform about the image centre: scale, then rotate, then shift. */
export interface Reframe {
  /** Size factor (1: unchanged, 0.8: the item shrinks to 80% about the centre). */
  scale: number;
  /** Rotation in degrees, clockwise on screen. */
  degrees: number;
  /** Shift right, in pixels (may be fractional). */
  dx: number;
  /** Shift down, in pixels. */
  dy: number;
}

/**
 * Writes `src` reframed by `t` into `dst` (must not be `src`): each output pixel samples the
 * source bilinearly at its inverse-transformed centre; outside the source is background (0).
 */
export function warpAffine(src: GrayImage, dst: GrayImage, t: Reframe): void {
  const c = SIDE / 2;
  const rad = (t.degrees * Math.PI) / 180;
  // Inverse of (scale * rotation): rotation by -angle, divided by scale.
  const cos = Math.cos(rad) / t.scale;
  const sin = Math.sin(rad) / t.scale;
  for (let y = 0; y < SIDE; y++) {
    const oy = y + 0.5 - c - t.dy;
    for (let x = 0; x < SIDE; x++) {
      const ox = x + 0.5 - c - t.dx;
      // Source coordinates in pixel-index space (pixel centres at integers).
      const sx = cos * ox + sin * oy + c - 0.5;
      const sy = -sin * ox + cos * oy + c - 0.5;
      dst[y * SIDE + x] = sampleBilinear(src, sx, sy);
    }
  }
}

/** src at (sx, sy) in pixel-index space, bilinear; outside the image is background (0). */
function sampleBilinear(src: GrayImage, sx: number, sy: number): number {
  if (sx <= -1 || sy <= -1 || sx >= SIDE || sy >= SIDE) return 0;
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const fx = sx - x0;
  const fy = sy - y0;
  const inX0 = x0 >= 0;
  const inX1 = x0 + 1 < SIDE;
  let top = 0;
  let bottom = 0;
  if (y0 >= 0) {
    const row = y0 * SIDE;
    top = (inX0 ? src[row + x0]! * (1 - fx) : 0) + (inX1 ? src[row + x0 + 1]! * fx : 0);
  }
  if (y0 + 1 < SIDE) {
    const row = (y0 + 1) * SIDE;
    bottom = (inX0 ? src[row + x0]! * (1 - fx) : 0) + (inX1 ? src[row + x0 + 1]! * fx : 0);
  }
  return top * (1 - fy) + bottom * fy;
}
