import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharpen } from '../../../../core/conversion/sharpen.js';
import { toFashionMnist } from '../../../../core/conversion/to-fashion-mnist.js';
import { findContentBox } from '../../../../core/conversion/trim-to-content.js';
import type { RgbaImage } from '../../../../core/conversion/types.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto } from '../../../../pipeline/eval/render-product-photo.js';

function canvas(width: number, height: number, fill: [number, number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(fill, i * 4);
  return { data, width, height };
}
function rect(img: RgbaImage, x0: number, y0: number, x1: number, y1: number, c: [number, number, number, number]) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data.set(c, (y * img.width + x) * 4);
}
/** Bounding box of pixels > 20 in a 28x28 result. */
function inkBox(px: Uint8Array) {
  let x0 = 28, y0 = 28, x1 = 0, y1 = 0;
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (px[y * 28 + x]! > 20) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1);
  }
  return { x0, y0, x1, y1, w: x1 - x0, h: y1 - y0 };
}

describe('toFashionMnist', () => {
  it('turns a dark wide shoe on white into a light item on black, centred, longest edge 28', () => {
    const img = canvas(400, 300, [255, 255, 255, 255]);
    rect(img, 50, 100, 350, 200, [30, 30, 30, 255]); // 300x100 "shoe"
    const px = toFashionMnist(img);
    expect(px).toHaveLength(784);
    const box = inkBox(px);
    expect(box.w).toBe(28);
    expect(box.h).toBeGreaterThanOrEqual(9);
    expect(box.h).toBeLessThanOrEqual(10);
    expect(Math.abs(box.y0 - (28 - box.y1))).toBeLessThanOrEqual(1); // centred vertically
    expect(px[14 * 28 + 14]).toBeGreaterThan(200); // item is light
    expect(px[0]).toBe(0); // background is black
  });

  it('trims a coloured background by the corner colour', () => {
    const img = canvas(200, 200, [200, 230, 255, 255]);
    rect(img, 80, 20, 120, 180, [10, 10, 10, 255]); // tall narrow item
    const box = inkBox(toFashionMnist(img));
    expect(box.h).toBe(28);
    expect(box.w).toBeGreaterThanOrEqual(6);
    expect(box.w).toBeLessThanOrEqual(9);
    expect(findContentBox(img)).toEqual({ x0: 80, y0: 20, x1: 120, y1: 180 });
  });

  it('composites a transparent cut-out on white: same as the item drawn on white', () => {
    const cutout = canvas(120, 90, [0, 0, 0, 0]);
    rect(cutout, 10, 20, 110, 70, [60, 20, 20, 255]);
    const onWhite = canvas(120, 90, [255, 255, 255, 255]);
    rect(onWhite, 10, 20, 110, 70, [60, 20, 20, 255]);
    expect(Array.from(toFashionMnist(cutout))).toEqual(Array.from(toFashionMnist(onWhite)));
  });

  it('does not crash on a 1x1 image, an all-background image, a fully transparent one, or extreme aspect ratios', () => {
    expect(toFashionMnist(canvas(1, 1, [0, 0, 0, 255]))).toHaveLength(784);
    expect(toFashionMnist(canvas(50, 50, [255, 255, 255, 255]))).toHaveLength(784);
    expect(toFashionMnist(canvas(40, 40, [0, 0, 0, 0]))).toHaveLength(784);
    const wide = canvas(2000, 10, [255, 255, 255, 255]);
    rect(wide, 0, 2, 2000, 8, [0, 0, 0, 255]);
    expect(inkBox(toFashionMnist(wide)).w).toBe(28);
    expect(toFashionMnist(canvas(3, 5000, [90, 90, 90, 255]))).toHaveLength(784);
  });

  it('rejects malformed input with a clear sentence', () => {
    expect(() => toFashionMnist({ data: new Uint8Array(10), width: 2, height: 2 })).toThrow(/must hold width\*height\*4 = 16 RGBA bytes/);
    expect(() => toFashionMnist({ data: new Uint8Array(0), width: 0, height: 2 })).toThrow(/positive whole-number width and height/);
  });

  it('sharpening keeps a flat image and increases edge contrast', () => {
    const flat = sharpen({ data: new Float32Array(25).fill(100), width: 5, height: 5 });
    expect(Array.from(flat.data).every((v) => Math.abs(v - 100) < 1e-4)).toBe(true);
    const edge = new Float32Array(25);
    for (let i = 0; i < 25; i++) edge[i] = i % 5 < 2 ? 50 : 200;
    const out = sharpen({ data: edge, width: 5, height: 5 });
    expect(out.data[2 * 5 + 1]!).toBeLessThan(50);
    expect(out.data[2 * 5 + 2]!).toBeGreaterThan(200);
  });

  it('shrinks a fine checkerboard to mid grey (area averaging, no aliasing)', () => {
    const img = canvas(560, 560, [255, 255, 255, 255]);
    for (let y = 0; y < 560; y++) for (let x = 0; x < 560; x++) if ((x + y) % 2) img.data.set([0, 0, 0, 255], (y * 560 + x) * 4);
    img.data.set([255, 255, 255, 255], 0);
    const px = toFashionMnist(img);
    const centre = Array.from(px.subarray(10 * 28 + 5, 10 * 28 + 23));
    for (const v of centre) expect(Math.abs(v - 128)).toBeLessThan(12);
  });
});

describe('product photos rendered from the real test set convert back close to the originals', () => {
  const gz = readFileSync('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz');
  const images = gunzipSync(gz).subarray(16);
  it('mean absolute difference < 25/255 and correlation > 0.9 over 300 images', () => {
    let mad = 0;
    let corr = 0;
    const n = 300;
    for (let i = 0; i < n; i++) {
      const original = images.subarray(i * 784, (i + 1) * 784);
      const back = toFashionMnist(renderProductPhoto(original, PRODUCT_PHOTO_STYLES[i % PRODUCT_PHOTO_STYLES.length]!));
      let d = 0, sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
      for (let p = 0; p < 784; p++) {
        const a = original[p]!, b = back[p]!;
        d += Math.abs(a - b); sa += a; sb += b; sab += a * b; saa += a * a; sbb += b * b;
      }
      mad += d / 784;
      const cov = sab / 784 - (sa / 784) * (sb / 784);
      corr += cov / Math.sqrt((saa / 784 - (sa / 784) ** 2) * (sbb / 784 - (sb / 784) ** 2));
    }
    console.log(`round trip over ${n} images: mean abs diff ${(mad / n).toFixed(1)}, correlation ${(corr / n).toFixed(3)}`);
    expect(mad / n).toBeLessThan(25);
    expect(corr / n).toBeGreaterThan(0.9);
  });
});
