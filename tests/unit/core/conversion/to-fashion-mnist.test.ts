import { describe, expect, it } from 'vitest';
import { BlankImageError } from '../../../../core/conversion/blank-image-error.js';
import { toFashionMnist, toFashionMnistPlaced } from '../../../../core/conversion/to-fashion-mnist.js';
import type { RgbaImage } from '../../../../core/conversion/types.js';
import { BLACK, CLEAR, canvas, fillRect, fillWhere, inkBox, WHITE, type Rgba } from './synthetic-images.js';

const LEATHER: Rgba = [30, 25, 20, 255];

/** An ankle-boot silhouette (shaft, sole, rounded toe) 400x200 at (100, 100) on a 600x400 page. */
function boot(page: Rgba, item: Rgba = LEATHER): RgbaImage {
  const image = canvas(600, 400, page);
  fillRect(image, 100, 260, 500, 300, item);
  fillRect(image, 100, 100, 300, 260, item);
  fillWhere(image, (x, y) => x >= 300 && x < 500 && y >= 200 && y < 260 && (x - 300) ** 2 / 200 ** 2 + (y - 260) ** 2 / 60 ** 2 <= 1, item);
  return image;
}

const maxDifference = (a: Uint8Array, b: Uint8Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('toFashionMnist', () => {
  it('turns a dark boot on white into a light boot on black, centred, its longest edge 28', () => {
    const pixels = toFashionMnist(boot(WHITE));
    expect(pixels).toBeInstanceOf(Uint8Array);
    expect(pixels).toHaveLength(784);
    // 400x200 trimmed from the page, so 28x14, centred vertically in rows 7..20.
    expect(inkBox(pixels)).toEqual({ x0: 0, y0: 7, x1: 28, y1: 21, width: 28, height: 14 });
    expect(pixels[14 * 28 + 5]).toBeGreaterThan(200); // inside the shaft: light
    expect(pixels[9 * 28 + 24]).toBe(0); // above the toe: the page, black
    expect(Math.max(...pixels)).toBe(255); // levelled like every Fashion-MNIST image
  });

  it('trims by the corner colour: the boot on a pale blue page converts as on white', () => {
    const onWhite = toFashionMnist(boot(WHITE));
    const onBlue = toFashionMnist(boot([200, 230, 255, 255]));
    expect(inkBox(onBlue)).toEqual(inkBox(onWhite));
    // Only the sharpening's clamping differs (it clips the blue channel of the page at 255).
    expect(maxDifference(onBlue, onWhite)).toBeLessThanOrEqual(6);
  });

  it('composites a transparent cut-out on white: exactly the item drawn on white', () => {
    const cutout = boot(CLEAR);
    // Transparent pixels keep whatever colour they store; it must not matter.
    fillRect(cutout, 0, 0, 50, 50, [255, 0, 0, 0]);
    expect(Array.from(toFashionMnist(cutout))).toEqual(Array.from(toFashionMnist(boot(WHITE))));
  });

  it('makes a light item on a dark page light on black too (the level step follows the page)', () => {
    const pixels = toFashionMnist(boot([10, 10, 10, 255], [235, 235, 230, 255]));
    expect(inkBox(pixels, 20)).toEqual(inkBox(toFashionMnist(boot(WHITE)), 20));
    expect(pixels[0]).toBe(0);
    expect(pixels[14 * 28 + 5]).toBeGreaterThan(200);
  });

  it('keeps the aspect ratio of a tall item and centres it horizontally', () => {
    const image = fillRect(canvas(300, 500, WHITE), 120, 50, 180, 450, BLACK); // 60x400: 4x28 after the resize (4.2 rounds to 4)
    const box = inkBox(toFashionMnist(image));
    expect(box.height).toBe(28);
    expect(box.width).toBe(4);
    expect(box.x0).toBe(12);
  });

  it('says where the input came from: the trimmed box in the photo and where it sits in the 28x28 (for laying a map over the photo)', () => {
    const image = fillRect(canvas(300, 500, WHITE), 120, 50, 180, 450, BLACK);
    const { pixels, placement } = toFashionMnistPlaced(image);
    expect(Array.from(pixels)).toEqual(Array.from(toFashionMnist(image)));
    expect(placement.source).toEqual({ left: 120 / 300, top: 50 / 500, width: 60 / 300, height: 400 / 500 });
    expect(placement.target).toEqual({ left: 12, top: 0, width: 4, height: 28 });
    const ink = inkBox(pixels);
    expect([ink.x0, ink.width]).toEqual([placement.target.left, placement.target.width]);
  });

  it('refuses blank, transparent and one-colour images and thin lines, of any size, as blank (issue 19)', () => {
    // Before issue 19 these converted to an all-black (or one-row) input that the model labelled anyway.
    const blank = (image: RgbaImage) => expect(() => toFashionMnist(image)).toThrow(BlankImageError);
    blank(canvas(50, 50, WHITE));
    blank(canvas(40, 40, CLEAR));
    blank(canvas(1, 1, BLACK));
    blank(canvas(1, 1, [0, 0, 0, 0]));
    blank(canvas(64, 48, [40, 90, 160, 255])); // one colour: a page with nothing on it
    blank(canvas(3, 5000, [90, 90, 90, 255]));
    blank(fillRect(canvas(2000, 10, WHITE), 0, 3, 2000, 7, BLACK)); // a rule: 28x1
    blank(fillRect(canvas(10, 2000, WHITE), 4, 0, 6, 2000, BLACK));
  });

  it('keeps extreme aspect ratios that still show an item, centred', () => {
    const wide = fillRect(canvas(2000, 200, WHITE), 0, 60, 2000, 140, BLACK); // 2000x80: 28x1.12, one row
    expect(() => toFashionMnist(wide)).toThrow(BlankImageError);
    const wider = fillRect(canvas(2000, 400, WHITE), 0, 100, 2000, 250, BLACK); // 2000x150: 28x2
    expect(inkBox(toFashionMnist(wider))).toMatchObject({ width: 28, height: 2, y0: 13 });
    const tall = toFashionMnist(fillRect(canvas(400, 2000, WHITE), 100, 0, 250, 2000, BLACK));
    expect(inkBox(tall)).toMatchObject({ width: 2, height: 28, x0: 13 });
  });

  it('averages detail finer than a target pixel to grey instead of aliasing', () => {
    // A 560x560 item on a white page: a 40-pixel black frame around a 1-pixel checkerboard. Each
    // output pixel covers 20x20 photo pixels, half black: mid grey. Skipping pixels would give 0 or 255.
    const image = fillRect(canvas(640, 640, WHITE), 40, 40, 600, 600, BLACK);
    fillWhere(image, (x, y) => x >= 80 && x < 560 && y >= 80 && y < 560 && (x + y) % 2 === 0, WHITE);
    const pixels = toFashionMnist(image);
    for (let y = 5; y < 23; y++) for (let x = 5; x < 23; x++) expect(Math.abs(pixels[y * 28 + x]! - 128)).toBeLessThanOrEqual(2);
  });

  it('gives the same bytes for Uint8Array and Uint8ClampedArray input, leaves the input alone, and is deterministic', () => {
    const image = boot(WHITE);
    const before = Uint8Array.from(image.data);
    const clamped = toFashionMnist(image);
    expect(Array.from(toFashionMnist({ ...image, data: new Uint8Array(image.data) }))).toEqual(Array.from(clamped));
    expect(Array.from(toFashionMnist(image))).toEqual(Array.from(clamped));
    expect(Buffer.from(image.data).equals(before)).toBe(true);
  });

  it('rejects malformed input with a sentence saying what is wrong', () => {
    expect(() => toFashionMnist({ data: new Uint8Array(10), width: 2, height: 2 })).toThrow(/must hold width\*height\*4 = 16 RGBA bytes for 2x2, got 10/);
    expect(() => toFashionMnist({ data: new Uint8Array(12), width: 2, height: 2 })).toThrow(/RGBA, not RGB/);
    expect(() => toFashionMnist({ data: new Uint8Array(0), width: 0, height: 2 })).toThrow(/positive whole-number width and height, got 0x2/);
    expect(() => toFashionMnist({ data: new Uint8Array(8), width: 1.5, height: 1 })).toThrow(/positive whole-number width and height, got 1.5x1/);
    expect(() => toFashionMnist({ data: new Float32Array(4) as unknown as Uint8Array, width: 1, height: 1 })).toThrow(/Uint8Array or Uint8ClampedArray .* got Float32Array/);
    expect(() => toFashionMnist(null as unknown as RgbaImage)).toThrow(/object \{ data, width, height \}.*got null/);
  });
});
