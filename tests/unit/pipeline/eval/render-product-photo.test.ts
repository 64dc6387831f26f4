import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../../core/conversion/types.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto } from '../../../../pipeline/eval/render-product-photo.js';

/** A 28x28 Fashion-MNIST-like image: black, with a 255 square at rows/columns 10..17. */
function squareItem(): Uint8Array {
  const pixels = new Uint8Array(784);
  for (let y = 10; y < 18; y++) for (let x = 10; x < 18; x++) pixels[y * 28 + x] = 255;
  return pixels;
}
const rgbaAt = (image: RgbaImage, x: number, y: number): number[] => Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4));

describe('renderProductPhoto', () => {
  it('inverts to a dark item on white, enlarged and with a margin', () => {
    const photo = renderProductPhoto(squareItem(), { scale: 10, padding: 30, tint: [0, 0, 0] });
    expect(photo).toMatchObject({ width: 340, height: 340 });
    expect(photo.data).toHaveLength(340 * 340 * 4);
    expect(rgbaAt(photo, 0, 0)).toEqual([255, 255, 255, 255]); // the margin
    expect(rgbaAt(photo, 30 + 5, 30 + 5)).toEqual([255, 255, 255, 255]); // a black Fashion-MNIST pixel: the page
    expect(rgbaAt(photo, 30 + 140, 30 + 140)).toEqual([0, 0, 0, 255]); // inside the item
  });

  it('is exact at scale 1: each pixel is 255 minus the Fashion-MNIST pixel', () => {
    const pixels = Uint8Array.from({ length: 784 }, (_, i) => (i * 7) % 256);
    const photo = renderProductPhoto(pixels, { scale: 1, padding: 0, tint: [0, 0, 0] });
    for (let i = 0; i < 784; i++) expect(photo.data[i * 4]).toBe(255 - pixels[i]!);
  });

  it('enlarges smoothly (bilinear): the edge of the item ramps from page to tint', () => {
    const photo = renderProductPhoto(squareItem(), { scale: 10, padding: 0, tint: [0, 0, 0] });
    // Along row 140, left of the item: pixel 10 starts at x=100; centres 95 (pixel 9) and 105 (pixel 10).
    const row = Array.from({ length: 12 }, (_, k) => photo.data[(140 * 280 + 94 + k) * 4]!);
    expect(row[0]).toBe(255); // x=94: before pixel 9's centre, all page
    expect(row[11]).toBe(0); // x=105: pixel 10's centre, all item
    for (let k = 1; k < row.length; k++) expect(row[k]!).toBeLessThanOrEqual(row[k - 1]!);
    expect(row.filter((v) => v > 0 && v < 255).length).toBeGreaterThanOrEqual(9); // a ramp, not a step
  });

  it('tints the item and blends its fainter pixels towards the page colour', () => {
    const pixels = new Uint8Array(784).fill(0);
    pixels.fill(255, 0, 28 * 14); // top half full, bottom half empty
    pixels[20 * 28 + 5] = 102; // a 40% pixel in the bottom half
    const photo = renderProductPhoto(pixels, { scale: 1, padding: 2, tint: [40, 60, 140], background: [250, 240, 230] });
    expect(rgbaAt(photo, 0, 0)).toEqual([250, 240, 230, 255]);
    expect(rgbaAt(photo, 2 + 3, 2 + 3)).toEqual([40, 60, 140, 255]);
    expect(rgbaAt(photo, 2 + 5, 2 + 20)).toEqual([166, 168, 194, 255]); // 0.6*page + 0.4*tint
  });

  it('makes a cut-out on a transparent background: tint everywhere, the coverage as alpha', () => {
    const style = { scale: 4, padding: 3, tint: [20, 20, 30] as const };
    const cutout = renderProductPhoto(squareItem(), { ...style, background: 'transparent' });
    const onWhite = renderProductPhoto(squareItem(), style);
    expect(rgbaAt(cutout, 0, 0)).toEqual([20, 20, 30, 0]);
    for (let i = 0; i < cutout.width * cutout.height; i++) {
      const alpha = cutout.data[i * 4 + 3]! / 255;
      // Composited on white it is the white-page photo, to within rounding.
      expect(Math.abs(20 * alpha + 255 * (1 - alpha) - onWhite.data[i * 4]!)).toBeLessThanOrEqual(1);
    }
  });

  it('takes a non-integer scale and a margin per side [top, right, bottom, left]', () => {
    const photo = renderProductPhoto(squareItem(), { scale: 7.5, padding: [5, 40, 17, 3], tint: [0, 0, 0] });
    expect(photo).toMatchObject({ width: 3 + 210 + 40, height: 5 + 210 + 17 });
    // The item's centre (Fashion-MNIST 14, 14) lands at 14/28 of the 210 pixels after the margins.
    expect(rgbaAt(photo, 3 + 105, 5 + 105)).toEqual([0, 0, 0, 255]);
    expect(rgbaAt(photo, 3 + 210 + 39, 5 + 210 + 16)).toEqual([255, 255, 255, 255]);
  });

  it('is deterministic and leaves its input alone', () => {
    const pixels = squareItem();
    const a = renderProductPhoto(pixels, PRODUCT_PHOTO_STYLES[1]!);
    const b = renderProductPhoto(pixels, PRODUCT_PHOTO_STYLES[1]!);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
    expect(Buffer.from(pixels).equals(Buffer.from(squareItem()))).toBe(true);
  });

  it('renders every shared style opaque, larger than the item, with the page in the corners', () => {
    for (const style of PRODUCT_PHOTO_STYLES) {
      const photo = renderProductPhoto(squareItem(), style);
      expect(photo.width).toBeGreaterThan(28 * 5);
      expect(rgbaAt(photo, 0, 0)).toEqual([255, 255, 255, 255]);
      for (let i = 3; i < photo.data.length; i += 4) if (photo.data[i] !== 255) throw new Error(`style ${JSON.stringify(style)}: pixel ${(i - 3) / 4} is not opaque`);
    }
  });

  it('rejects bad input with a sentence saying what to pass', () => {
    const ok = { scale: 2, padding: 1, tint: [0, 0, 0] } as const;
    expect(() => renderProductPhoto(new Uint8Array(100), ok)).toThrow(/one 28x28 Fashion-MNIST image \(784 bytes\), got 100 bytes/);
    expect(() => renderProductPhoto(squareItem(), { ...ok, scale: 0 })).toThrow(/scale must be a positive number .* got 0/);
    expect(() => renderProductPhoto(squareItem(), { ...ok, scale: Number.NaN })).toThrow(/scale must be a positive number/);
    expect(() => renderProductPhoto(squareItem(), { ...ok, padding: -1 })).toThrow(/padding must be a whole number of pixels >= 0.*got -1/);
    expect(() => renderProductPhoto(squareItem(), { ...ok, padding: [1, 2, 3.5, 4] })).toThrow(/\[top, right, bottom, left\], got \[1,2,3.5,4\]/);
    expect(() => renderProductPhoto(squareItem(), { ...ok, tint: [0, 0, 300] })).toThrow(/tint and background must be \[r, g, b\] with each value 0..255/);
    expect(() => renderProductPhoto(squareItem(), { ...ok, background: [0, -1, 0] })).toThrow(/got tint \[0,0,0\] and background \[0,-1,0\]/);
  });
});
