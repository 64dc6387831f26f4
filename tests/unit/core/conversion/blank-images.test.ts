import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BlankImageError } from '../../../../core/conversion/blank-image-error.js';
import { checkHasContent, countContentPixels, MIN_CONTENT_PIXELS } from '../../../../core/conversion/check-has-content.js';
import { toFashionMnist } from '../../../../core/conversion/to-fashion-mnist.js';
import { blankImages } from '../../../../harness/blank-images.js';
import { loadShopPhotos } from '../../../../pipeline/eval/shop-photos/load-shop-photos.js';
import { canvas, fillRect, WHITE } from './synthetic-images.js';

// Issue 19, item 1: a blank image (placeholder, spacer, swatch, a thin rule) used to come out as
// "T-shirt/top 30.3%", the label of the all-black input. The conversion now refuses it, and no
// real photo or test image is refused (bench/blank-threshold.ts prints the margins).

const TEST_IMAGES = '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz';

function refusal(convert: () => unknown): BlankImageError {
  try {
    convert();
  } catch (error) {
    if (error instanceof BlankImageError) return error;
    throw error;
  }
  throw new Error('expected a BlankImageError, got an input');
}

describe('toFashionMnist refuses images that are blank or nearly so', () => {
  it.each(blankImages().map(({ name, image }) => [name, image] as const))('%s', (_name, image) => {
    const error = refusal(() => toFashionMnist(image));
    expect(error.kind).toBe('blank-image');
    expect(error.message).toMatch(/^This image is blank or nearly so/);
    expect(error.contentPixels).toBeLessThan(MIN_CONTENT_PIXELS);
  });

  it('says which test refused it: nothing to trim to, or too little content', () => {
    expect(refusal(() => toFashionMnist(canvas(40, 40, WHITE)))).toMatchObject({ reason: 'no-content', contentPixels: 0 });
    const rule = refusal(() => toFashionMnist(fillRect(canvas(500, 100, WHITE), 20, 50, 480, 51, [0, 0, 0, 255])));
    expect(rule).toMatchObject({ reason: 'too-little-content', contentPixels: 28 });
    expect(rule.message).toContain('only 28 of the 784 pixels');
  });

  it('keeps an item as thin as two rows of the frame (a flat sandal seen from the side)', () => {
    const bar = fillRect(canvas(600, 200, WHITE), 20, 90, 580, 130, [30, 30, 30, 255]); // 560x40: 28x2
    expect(countContentPixels(toFashionMnist(bar))).toBe(56);
  });
});

describe('MIN_CONTENT_PIXELS refuses no real image', () => {
  it('keeps all 10,000 Fashion-MNIST test images as they come', () => {
    const idx = gunzipSync(readFileSync(TEST_IMAGES));
    let fewest = Infinity;
    for (let i = 0; i < 10_000; i++) {
      const pixels = idx.subarray(16 + i * 784, 16 + (i + 1) * 784);
      expect(() => checkHasContent(pixels)).not.toThrow();
      fewest = Math.min(fewest, countContentPixels(pixels));
    }
    expect(fewest).toBe(76); // the margin the threshold's comment states
  });

  it('keeps every real shop photo, converted by core', async () => {
    const photos = await loadShopPhotos(); // throws on a refused photo
    expect(photos).toHaveLength(36);
    expect(Math.min(...photos.map((p) => countContentPixels(p.input)))).toBeGreaterThanOrEqual(MIN_CONTENT_PIXELS * 2);
  });
});
