import { SIDE, type GrayImage } from './gray-image.js';

/**
 * The weights of an exact area-average (box) resampling of a row of SIDE pixels by `scale` (< 1)
 * about its centre: weights[u][x] is the share of source pixel x in output pixel u, i.e. the
 * overlap of [x, x+1) with output pixel u's footprint in the source, times `scale`.
 */
function areaWeights(scale: number): Float64Array[] {
  const offset = (SIDE - SIDE * scale) / 2;
  return Array.from({ length: SIDE }, (_, u) => {
    const from = (u - offset) / scale;
    const to = (u + 1 - offset) / scale;
    const w = new Float64Array(SIDE);
    for (let x = Math.max(0, Math.floor(from)); x < Math.min(SIDE, Math.ceil(to)); x++) {
      w[x] = Math.max(0, Math.min(to, x + 1) - Math.max(from, x)) * scale;
    }
    return w;
  });
}

/**
 * Writes `src` shrunk to `scale` (0 < scale <= 1) of its size, centred, into `dst` (must not be
 * `src`), each output pixel the area-weighted average of the source pixels it covers (the frame
 * around is background, 0). Separable: rows, then columns.
 */
export function shrinkCentred(src: GrayImage, dst: GrayImage, scale: number): void {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`shrinkCentred takes a scale in (0, 1], got ${scale}.`);
  const weights = areaWeights(scale);
  const rows = new Float64Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let u = 0; u < SIDE; u++) {
      const w = weights[u]!;
      let sum = 0;
      for (let x = 0; x < SIDE; x++) sum += w[x]! * src[y * SIDE + x]!;
      rows[y * SIDE + u] = sum;
    }
  }
  for (let v = 0; v < SIDE; v++) {
    const w = weights[v]!;
    for (let u = 0; u < SIDE; u++) {
      let sum = 0;
      for (let y = 0; y < SIDE; y++) sum += w[y]! * rows[y * SIDE + u]!;
      dst[v * SIDE + u] = sum;
    }
  }
}
