import { describe, expect, it } from 'vitest';
import { SHARPEN_RADIUS, SHARPEN_SIGMA, sharpen, sharpenKernel, sharpenKernelWidth } from '../../../../core/conversion/sharpen.js';
import type { FloatImage } from '../../../../core/conversion/types.js';

const gray = (width: number, height: number, value: (x: number, y: number) => number): FloatImage => ({
  data: Float32Array.from({ length: width * height }, (_, i) => value(i % width, Math.floor(i / width))),
  width,
  height,
  channels: 1,
});

// By hand from ImageMagick's SharpenImage for radius 1, sigma 1: taps -G(u,v) with
// G = exp(-(u²+v²)/2), centre replaced by 2*S where S is the sum of G over the 3x3, then
// everything divided by the new sum, S + G(0,0) = S + 1.
const S = 1 + 4 * Math.exp(-0.5) + 4 * Math.exp(-1);

describe('sharpenKernel', () => {
  it("is ImageMagick's -sharpen 1x1 kernel", () => {
    expect([SHARPEN_RADIUS, SHARPEN_SIGMA]).toEqual([1, 1]);
    const kernel = Array.from(sharpenKernel());
    const [corner, edge, centre] = [-Math.exp(-1) / (S + 1), -Math.exp(-0.5) / (S + 1), (2 * S) / (S + 1)];
    const expected = [corner, edge, corner, edge, centre, edge, corner, edge, corner];
    kernel.forEach((k, i) => expect(k).toBeCloseTo(expected[i]!, 12));
    expect(centre).toBeCloseTo(1.66088, 5);
    expect(kernel.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('picks the kernel width as ImageMagick does: 2*ceil(radius)+1, or for radius 0 the Q16 automatic width', () => {
    expect(sharpenKernelWidth(1, 1)).toBe(3);
    expect(sharpenKernelWidth(1.5, 1)).toBe(5);
    // -sharpen 0x1: the edge weight at half-width 4 is 5.3e-5 (kept), at 5 it is 5.9e-7 (< 1/65535).
    expect(sharpenKernelWidth(0, 1)).toBe(9);
    expect(sharpenKernel(0, 1)).toHaveLength(81);
  });
});

describe('sharpen', () => {
  it('is an unsharp mask: in + S/(S+1) * (in - 3x3 Gaussian blur)', () => {
    const image = gray(5, 5, (x, y) => 100 + ((x * 37 + y * 61) % 50));
    const out = sharpen(image);
    const at = (x: number, y: number) => image.data[y * 5 + x]!;
    let blur = 0;
    for (let v = -1; v <= 1; v++) for (let u = -1; u <= 1; u++) blur += (at(2 + u, 2 + v) * Math.exp(-(u * u + v * v) / 2)) / S;
    expect(out.data[2 * 5 + 2]).toBeCloseTo(at(2, 2) + (S / (S + 1)) * (at(2, 2) - blur), 3);
    expect(S / (S + 1)).toBeCloseTo(0.8304, 4);
  });

  it('leaves a flat image unchanged', () => {
    const out = sharpen(gray(6, 4, () => 100));
    for (const v of out.data) expect(v).toBeCloseTo(100, 4);
  });

  it('increases the contrast across an edge and clamps to 0..255', () => {
    const edge = gray(6, 3, (x) => (x < 3 ? 50 : 200));
    const out = sharpen(edge);
    expect(out.data[1 * 6 + 2]!).toBeLessThan(50); // the dark side gets darker
    expect(out.data[1 * 6 + 3]!).toBeGreaterThan(200); // the light side lighter
    expect(out.data[1 * 6 + 0]).toBeCloseTo(50, 4); // two pixels away: untouched
    const hard = sharpen(gray(6, 3, (x) => (x < 3 ? 0 : 255)));
    expect(Math.min(...hard.data)).toBe(0);
    expect(Math.max(...hard.data)).toBe(255);
  });

  it('sharpens each channel of an RGB image on its own, and handles 1-pixel images', () => {
    const rgb: FloatImage = { data: Float32Array.from([10, 200, 30, 10, 200, 30, 90, 20, 30, 90, 20, 30]), width: 4, height: 1, channels: 3 };
    const out = sharpen(rgb);
    expect(out.data[2]).toBeCloseTo(30, 4); // blue is flat
    expect(out.data[3]!).toBeLessThan(10); // red rises at the edge: the low side dips
    expect(out.data[4]!).toBeGreaterThan(200); // green falls: the high side rises
    expect(Array.from(sharpen(gray(1, 1, () => 77)).data)).toEqual([77]);
  });
});
