import { grayOnWhite } from './composite-on-white.js';
import type { Box, GrayImage, RgbaImage } from './types.js';

/** Source-to-target overlaps along one axis for area averaging: each source pixel spans ≤ 2 target pixels. */
function areaWeights(sourceLength: number, targetLength: number) {
  const scale = targetLength / sourceLength;
  const first = new Int32Array(sourceLength);
  const firstWeight = new Float64Array(sourceLength);
  for (let s = 0; s < sourceLength; s++) {
    const start = s * scale;
    const end = (s + 1) * scale;
    const t = Math.min(targetLength - 1, Math.floor(start));
    first[s] = t;
    firstWeight[s] = Math.min(end, t + 1) - start;
  }
  return { first, firstWeight, scale };
}

/**
 * Shrinks the `box` of `image` (composited on white, in grayscale) to width x height by area
 * averaging: every target pixel is the mean of the source area it covers, so a 40-megapixel photo
 * reduces smoothly with no aliasing, in one pass and O(target) memory.
 */
function shrink(image: RgbaImage, box: Box, width: number, height: number): GrayImage {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const xs = areaWeights(bw, width);
  const ys = areaWeights(bh, height);
  const sum = new Float64Array(width * height);
  const row = new Float64Array(width);
  for (let y = 0; y < bh; y++) {
    row.fill(0);
    const base = (box.y0 + y) * image.width + box.x0;
    for (let x = 0; x < bw; x++) {
      const g = grayOnWhite(image, base + x);
      const t = xs.first[x]!;
      const w0 = xs.firstWeight[x]!;
      row[t]! += g * w0;
      if (t + 1 < width) row[t + 1]! += g * (xs.scale - w0);
    }
    const ty = ys.first[y]!;
    const v0 = ys.firstWeight[y]!;
    const v1 = ys.scale - v0;
    for (let tx = 0; tx < width; tx++) {
      sum[ty * width + tx]! += row[tx]! * v0;
      if (ty + 1 < height) sum[(ty + 1) * width + tx]! += row[tx]! * v1;
    }
  }
  // Each target pixel covers scale_x*scale_y of... (weights are in target units): normalise by covered area.
  const area = new Float64Array(width * height);
  const colCover = new Float64Array(width);
  const rowCover = new Float64Array(height);
  for (let x = 0; x < bw; x++) {
    colCover[xs.first[x]!]! += xs.firstWeight[x]!;
    if (xs.first[x]! + 1 < width) colCover[xs.first[x]! + 1]! += xs.scale - xs.firstWeight[x]!;
  }
  for (let y = 0; y < bh; y++) {
    rowCover[ys.first[y]!]! += ys.firstWeight[y]!;
    if (ys.first[y]! + 1 < height) rowCover[ys.first[y]! + 1]! += ys.scale - ys.firstWeight[y]!;
  }
  const out = new Float32Array(width * height);
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      area[ty * width + tx] = colCover[tx]! * rowCover[ty]!;
      out[ty * width + tx] = sum[ty * width + tx]! / (area[ty * width + tx]! || 1);
    }
  }
  return { data: out, width, height };
}

/** Enlarges a small `box` to width x height by bilinear interpolation (pixel centres aligned, edges clamped). */
function enlarge(image: RgbaImage, box: Box, width: number, height: number): GrayImage {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const at = (x: number, y: number) => grayOnWhite(image, (box.y0 + y) * image.width + box.x0 + x);
  const out = new Float32Array(width * height);
  for (let ty = 0; ty < height; ty++) {
    const sy = Math.min(bh - 1, Math.max(0, ((ty + 0.5) * bh) / height - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(bh - 1, y0 + 1);
    const fy = sy - y0;
    for (let tx = 0; tx < width; tx++) {
      const sx = Math.min(bw - 1, Math.max(0, ((tx + 0.5) * bw) / width - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(bw - 1, x0 + 1);
      const fx = sx - x0;
      const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
      const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
      out[ty * width + tx] = top * (1 - fy) + bottom * fy;
    }
  }
  return { data: out, width, height };
}

/** The `box` of `image`, composited on white and in grayscale, resized to width x height (area-average down, bilinear up). */
export function resizeGray(image: RgbaImage, box: Box, width: number, height: number): GrayImage {
  const shrinking = width <= box.x1 - box.x0 && height <= box.y1 - box.y0;
  return shrinking ? shrink(image, box, width, height) : enlarge(image, box, width, height);
}
