import { describe, expect, it } from 'vitest';
import { fitLongestEdge } from '../../../../core/conversion/fit-longest-edge.js';
import { resize } from '../../../../core/conversion/resize.js';
import type { FloatImage, RgbaImage } from '../../../../core/conversion/types.js';
import { BLACK, canvas, fillWhere, WHITE } from './synthetic-images.js';

const whole = (image: RgbaImage) => ({ x0: 0, y0: 0, x1: image.width, y1: image.height });
/** The red channel of a resized image, row-major. */
const red = (image: FloatImage): number[] => Array.from({ length: image.width * image.height }, (_, i) => image.data[i * 3]!);

describe('fitLongestEdge', () => {
  it('scales the longest edge to the target, keeps the aspect ratio, and never rounds an edge to 0', () => {
    expect(fitLongestEdge(400, 200, 28)).toEqual({ width: 28, height: 14 });
    expect(fitLongestEdge(60, 400, 28)).toEqual({ width: 4, height: 28 });
    expect(fitLongestEdge(100, 100, 28)).toEqual({ width: 28, height: 28 });
    expect(fitLongestEdge(2000, 10, 28)).toEqual({ width: 28, height: 1 });
    expect(fitLongestEdge(1, 1, 28)).toEqual({ width: 28, height: 28 });
    expect(fitLongestEdge(5, 2, 28)).toEqual({ width: 28, height: 11 });
  });
});

describe('resize', () => {
  it('reduces a fine checkerboard to mid grey (area averaging, no aliasing), also at uneven ratios', () => {
    for (const size of [560, 613, 97]) {
      const board = fillWhere(canvas(size, size, WHITE), (x, y) => (x + y) % 2 === 1, BLACK);
      // 613/28 and 97/28 are not whole: target pixels cover fractional spans of the board.
      for (const v of red(resize(board, whole(board), 28, 28))) expect(Math.abs(v - 127.5)).toBeLessThanOrEqual(4);
      // Skipping pixels instead (nearest neighbour) would show single squares: black or white.
      const nearest = Array.from({ length: 28 }, (_, t) => Math.floor(((t + 0.5) * size) / 28)).map((x) => board.data[(7 * size + x) * 4]!);
      expect(nearest.every((v) => v === 0 || v === 255)).toBe(true);
    }
  });

  it('averages whole blocks exactly when the ratio is whole', () => {
    // 4x2 -> 2x1: each target pixel is the mean of a 2x2 block.
    const image: RgbaImage = { width: 4, height: 2, data: new Uint8Array([0, 0, 0, 255, 100, 0, 0, 255, 200, 0, 0, 255, 40, 0, 0, 255, 20, 0, 0, 255, 80, 0, 0, 255, 60, 0, 0, 255, 100, 0, 0, 255]) };
    expect(red(resize(image, whole(image), 2, 1))).toEqual([50, 100]);
  });

  it('weighs partly covered pixels by their overlap', () => {
    // 3 pixels -> 2: target 0 covers pixel 0 and half of pixel 1.
    const image: RgbaImage = { width: 3, height: 1, data: new Uint8Array([0, 0, 0, 255, 90, 0, 0, 255, 240, 0, 0, 255]) };
    const out = red(resize(image, whole(image), 2, 1));
    expect(out[0]).toBeCloseTo((0 * 1 + 90 * 0.5) / 1.5, 4);
    expect(out[1]).toBeCloseTo((90 * 0.5 + 240 * 1) / 1.5, 4);
  });

  it('reads only the box, composited on white', () => {
    const image = canvas(10, 10, BLACK);
    image.data.set([0, 0, 0, 0], (5 * 10 + 5) * 4); // one transparent pixel
    const out = resize(image, { x0: 5, y0: 5, x1: 6, y1: 6 }, 2, 2);
    expect(Array.from(out.data)).toEqual(new Array(12).fill(255));
  });

  it('enlarges tiny images bilinearly, pixel centres aligned and edges clamped', () => {
    const image: RgbaImage = { width: 2, height: 1, data: new Uint8Array([0, 0, 0, 255, 255, 0, 0, 255]) };
    // Target centres at 0.5/4*2-0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
    expect(red(resize(image, whole(image), 4, 1))).toEqual([0, 63.75, 191.25, 255]);
    const one = canvas(1, 1, [10, 20, 30, 255]);
    const big = resize(one, whole(one), 28, 28);
    expect(big).toMatchObject({ width: 28, height: 28, channels: 3 });
    expect(Array.from(big.data.subarray(0, 3))).toEqual([10, 20, 30]);
  });

  it('keeps a very wide strip in one pass: 2000x10 to 28x1', () => {
    const strip = fillWhere(canvas(2000, 10, WHITE), (x) => x < 1000, BLACK);
    const out = red(resize(strip, whole(strip), 28, 1));
    expect(out.slice(0, 14)).toEqual(new Array(14).fill(0));
    expect(out.slice(14)).toEqual(new Array(14).fill(255));
  });
});
