import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '../../../../../pipeline/data/fashion-mnist.js';
import { applySuiteChange } from '../../../../../pipeline/eval/robustness/apply-suite-change.js';
import { SUITE_CHANGES } from '../../../../../pipeline/eval/robustness/suite-changes.js';

const COUNT = 100;
let images: Uint8Array;
const change = (id: string) => {
  const c = SUITE_CHANGES.find((s) => s.id === id);
  if (!c) throw new Error(`no suite change ${id}`);
  return applySuiteChange(c, images, COUNT);
};
const pixel = (set: Uint8Array, i: number, x: number, y: number) => set[i * 784 + y * 28 + x]!;
const mean = (set: Uint8Array) => set.reduce((s, v) => s + v, 0) / set.length;

beforeAll(async () => {
  images = (await loadFashionMnist({})).test.images.subarray(0, COUNT * 784);
});

describe('the robustness suite (real test images)', () => {
  it('lists the issue\'s changes in order, "none" first', () => {
    expect(SUITE_CHANGES.map((c) => c.id)).toEqual(['none', 'mirror', 'shrink-80', 'shift-3', 'contrast-0.5', 'gamma-2', 'blur-1', 'noise-20']);
  });

  it('is seeded: every run changes the images the same way, 8-bit in 0..255', () => {
    for (const c of SUITE_CHANGES) {
      const a = applySuiteChange(c, images, COUNT);
      expect(a).toBeInstanceOf(Uint8Array);
      expect(applySuiteChange(c, images, COUNT)).toEqual(a);
      expect(a.length).toBe(COUNT * 784);
    }
  });

  it('none leaves the images as they are; mirror flips each row', () => {
    expect(change('none')).toEqual(images);
    const m = change('mirror');
    for (let i = 0; i < COUNT; i += 17) for (let y = 0; y < 28; y += 5) for (let x = 0; x < 28; x++) expect(pixel(m, i, x, y)).toBe(pixel(images, i, 27 - x, y));
  });

  it('shrink-80 leaves a black frame of 2 px and about 64% of the light', () => {
    const s = change('shrink-80');
    for (let i = 0; i < COUNT; i++) for (let k = 0; k < 28; k++) for (const [x, y] of [[k, 0], [k, 1], [0, k], [27, k], [k, 27], [k, 26], [1, k], [26, k]] as const) expect(pixel(s, i, x, y)).toBe(0);
    expect(mean(s) / mean(images)).toBeGreaterThan(0.62);
    expect(mean(s) / mean(images)).toBeLessThan(0.66);
  });

  it('shift-3 moves each image by whole pixels within -3..3 (found by matching), some images each way', () => {
    const s = change('shift-3');
    const shifts = new Set<string>();
    for (let i = 0; i < COUNT; i++) {
      let found: string | undefined;
      for (let dy = -3; dy <= 3 && !found; dy++) {
        for (let dx = -3; dx <= 3 && !found; dx++) {
          let ok = true;
          for (let y = 0; y < 28 && ok; y++) for (let x = 0; x < 28 && ok; x++) {
            const sx = x - dx;
            const sy = y - dy;
            const want = sx < 0 || sy < 0 || sx > 27 || sy > 27 ? 0 : pixel(images, i, sx, sy);
            ok = pixel(s, i, x, y) === want;
          }
          if (ok) found = `${dx},${dy}`;
        }
      }
      expect(found, `image ${i}`).toBeDefined();
      shifts.add(found!);
    }
    expect(shifts.size).toBeGreaterThan(15);
  });

  it('contrast-0.5 halves every pixel (rounded); gamma-2 maps v to 255 (v/255)^2', () => {
    const c = change('contrast-0.5');
    const g = change('gamma-2');
    for (let p = 0; p < COUNT * 784; p += 7) {
      expect(Math.abs(c[p]! - images[p]! / 2)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(g[p]! - 255 * (images[p]! / 255) ** 2)).toBeLessThanOrEqual(0.5);
    }
  });

  it('blur-1 smooths (lower pixel-to-pixel differences) and keeps the mean level', () => {
    const b = change('blur-1');
    const roughness = (set: Uint8Array) => {
      let s = 0;
      for (let i = 0; i < COUNT; i++) for (let y = 0; y < 28; y++) for (let x = 1; x < 28; x++) s += Math.abs(pixel(set, i, x, y) - pixel(set, i, x - 1, y));
      return s;
    };
    expect(roughness(b)).toBeLessThan(roughness(images) * 0.7);
    expect(Math.abs(mean(b) - mean(images))).toBeLessThan(1.5);
  });

  it('noise-20 adds noise of std about 20 where clipping does not bite', () => {
    const n = change('noise-20');
    const diffs: number[] = [];
    for (let p = 0; p < COUNT * 784; p++) if (images[p]! > 60 && images[p]! < 195) diffs.push(n[p]! - images[p]!);
    const m = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const std = Math.sqrt(diffs.reduce((s, d) => s + (d - m) ** 2, 0) / diffs.length);
    expect(Math.abs(m)).toBeLessThan(1);
    expect(std).toBeGreaterThan(19);
    expect(std).toBeLessThan(21);
  });
});
