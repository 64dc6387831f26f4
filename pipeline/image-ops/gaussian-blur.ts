import { SIDE, type GrayImage } from './gray-image.js';

/** Largest kernel radius (sigma up to 8/3 px). */
const MAX_RADIUS = 8;

/** A normalized 1-D Gaussian kernel of radius ceil(3 sigma). */
function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  if (radius > MAX_RADIUS) throw new RangeError(`gaussianBlur takes sigma up to ${MAX_RADIUS / 3}, got ${sigma}.`);
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < kernel.length; i++) kernel[i]! /= sum;
  return kernel;
}

/** Reused between calls: one line padded by the radius (edges repeated), and the row-blurred image. */
const line = new Float32Array(SIDE + 2 * MAX_RADIUS);
const rows = new Float32Array(SIDE * SIDE);

/**
 * Blurs the SIDE values of `src` at start, start+step, ... into `dst` at the same places: the
 * line is copied with its edge values repeated `radius` times each side (clamp), then convolved.
 */
function blurLine(src: Float32Array, dst: Float32Array, start: number, step: number, kernel: Float32Array): void {
  const radius = (kernel.length - 1) / 2;
  const first = src[start]!;
  const last = src[start + (SIDE - 1) * step]!;
  for (let i = 0; i < radius; i++) {
    line[i] = first;
    line[radius + SIDE + i] = last;
  }
  for (let i = 0; i < SIDE; i++) line[radius + i] = src[start + i * step]!;
  for (let x = 0; x < SIDE; x++) {
    let sum = 0;
    for (let k = 0; k < kernel.length; k++) sum += kernel[k]! * line[x + k]!;
    dst[start + x * step] = sum;
  }
}

/**
 * Writes `src` blurred by a Gaussian of std `sigma` pixels into `dst` (may be `src`). Separable;
 * the edge pixels extend outward (clamp), so a blur never darkens or lightens the border.
 */
export function gaussianBlur(src: GrayImage, dst: GrayImage, sigma: number): void {
  if (!(sigma > 0)) throw new RangeError(`gaussianBlur needs sigma > 0, got ${sigma}.`);
  const kernel = gaussianKernel(sigma);
  for (let y = 0; y < SIDE; y++) blurLine(src, rows, y * SIDE, 1, kernel);
  for (let x = 0; x < SIDE; x++) blurLine(rows, dst, x, SIDE, kernel);
}
