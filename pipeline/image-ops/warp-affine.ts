import { SIDE, type GrayImage } from './gray-image.js';

/** An affine transform about the image centre: scale (with an aspect change), then rotate, then shift. */
export interface Reframe {
  /** Size factor (1: unchanged, 0.8: the item shrinks to 80% about the centre). */
  scale: number;
  /** Width over height change (absent or 1: the shape is kept; 1.2: widths x sqrt(1.2), heights / sqrt(1.2)). */
  aspect?: number;
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
  const stretch = Math.sqrt(t.aspect ?? 1);
  // Inverse of (rotation * scale): rotation by -angle, then divided by each axis' scale.
  // (Written so that an unchanged aspect computes exactly what a plain similarity did.)
  const cosX = Math.cos(rad) / (t.scale * stretch);
  const sinX = Math.sin(rad) / (t.scale * stretch);
  const cosY = (Math.cos(rad) * stretch) / t.scale;
  const sinY = (Math.sin(rad) * stretch) / t.scale;
  for (let y = 0; y < SIDE; y++) {
    const oy = y + 0.5 - c - t.dy;
    for (let x = 0; x < SIDE; x++) {
      const ox = x + 0.5 - c - t.dx;
      // Source coordinates in pixel-index space (pixel centres at integers).
      const sx = cosX * ox + sinX * oy + c - 0.5;
      const sy = -sinY * ox + cosY * oy + c - 0.5;
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
