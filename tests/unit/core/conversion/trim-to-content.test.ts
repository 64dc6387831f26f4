import { describe, expect, it } from 'vitest';
import { cornerColour } from '../../../../core/conversion/corner-colour.js';
import { findContentBox, TRIM_DISTANCE, TRIM_TOLERANCE } from '../../../../core/conversion/trim-to-content.js';
import type { RgbaImage } from '../../../../core/conversion/types.js';
import { BLACK, CLEAR, canvas, fillRect, WHITE, type Rgba } from './synthetic-images.js';

const trim = (image: RgbaImage) => findContentBox(image, cornerColour(image, TRIM_DISTANCE));

describe('the trim tolerance', () => {
  it('is 5% of the largest RGB distance, black to white', () => {
    expect(TRIM_TOLERANCE).toBe(0.05);
    expect(TRIM_DISTANCE).toBeCloseTo(0.05 * Math.hypot(255, 255, 255), 10);
  });

  it('counts a pixel within it as background and one just beyond it as content', () => {
    const page: Rgba = [200, 200, 200, 255];
    // 12 grey levels away is 12*sqrt(3) = 20.8 (within 22.08); 13 away is 22.5 (beyond).
    expect(trim(fillRect(canvas(30, 30, page), 10, 12, 14, 15, [212, 212, 212, 255]))).toBeUndefined(); // no content
    expect(trim(fillRect(canvas(30, 30, page), 10, 12, 14, 15, [213, 213, 213, 255]))).toEqual({ x0: 10, y0: 12, x1: 14, y1: 15 });
    // Euclidean, not per channel: 20 in one channel alone is within, 20 in two is not (28.3).
    expect(trim(fillRect(canvas(30, 30, page), 3, 4, 5, 6, [220, 200, 200, 255]))).toBeUndefined();
    expect(trim(fillRect(canvas(30, 30, page), 3, 4, 5, 6, [220, 220, 200, 255]))).toEqual({ x0: 3, y0: 4, x1: 5, y1: 6 });
  });
});

describe('findContentBox', () => {
  it('trims a coloured page to the item', () => {
    const image = fillRect(canvas(200, 150, [200, 230, 255, 255]), 80, 20, 120, 131, [10, 10, 10, 255]);
    expect(trim(image)).toEqual({ x0: 80, y0: 20, x1: 120, y1: 131 });
  });

  it('finds items at the very edges and scattered parts (the box holds them all)', () => {
    const image = canvas(100, 80, WHITE);
    fillRect(image, 40, 30, 60, 50, BLACK);
    fillRect(image, 2, 70, 3, 71, BLACK); // a speck low on the left
    fillRect(image, 99, 10, 100, 11, BLACK); // a pixel on the right edge
    expect(trim(image)).toEqual({ x0: 2, y0: 10, x1: 100, y1: 71 });
    expect(trim(fillRect(canvas(10, 10, WHITE), 0, 9, 10, 10, BLACK))).toEqual({ x0: 0, y0: 9, x1: 10, y1: 10 }); // only the bottom row
  });

  it('treats transparent pixels as white, whatever colour they store', () => {
    const image = fillRect(canvas(50, 40, CLEAR), 10, 5, 30, 35, [120, 0, 0, 255]);
    fillRect(image, 0, 0, 5, 5, [0, 0, 255, 0]); // transparent blue: still white
    expect(trim(image)).toEqual({ x0: 10, y0: 5, x1: 30, y1: 35 });
    // Half-transparent black is mid grey on white: content.
    expect(trim(fillRect(canvas(20, 20, CLEAR), 4, 4, 6, 6, [0, 0, 0, 128]))).toEqual({ x0: 4, y0: 4, x1: 6, y1: 6 });
  });

  it('finds no content box when everything is background (toFashionMnist refuses the image as blank)', () => {
    expect(trim(canvas(30, 20, WHITE))).toBeUndefined();
    expect(trim(canvas(30, 20, [60, 120, 180, 255]))).toBeUndefined();
    expect(trim(canvas(1, 1, BLACK))).toBeUndefined();
    expect(trim(canvas(30, 20, CLEAR))).toBeUndefined();
  });
});

describe('cornerColour', () => {
  it('takes the colour most corners agree on, so an item touching one corner is not taken for the page', () => {
    const image = fillRect(canvas(100, 100, WHITE), 0, 0, 60, 40, [20, 20, 20, 255]); // a bag cropped at the top-left
    expect(cornerColour(image, TRIM_DISTANCE)).toEqual([255, 255, 255]);
    expect(trim(image)).toEqual({ x0: 0, y0: 0, x1: 60, y1: 40 });
  });

  it('counts corners within the tolerance as agreeing (JPEG noise) and breaks ties towards the top-left', () => {
    const noisy = canvas(10, 10, [250, 250, 250, 255]);
    fillRect(noisy, 0, 0, 1, 1, [10, 10, 10, 255]);
    fillRect(noisy, 9, 0, 10, 1, [246, 252, 249, 255]);
    expect(cornerColour(noisy, TRIM_DISTANCE)).toEqual([246, 252, 249]); // the first of the three that agree
    const split = canvas(10, 10, WHITE);
    fillRect(split, 0, 5, 10, 10, [0, 0, 200, 255]); // top half white, bottom half blue: a tie
    expect(cornerColour(split, TRIM_DISTANCE)).toEqual([255, 255, 255]);
  });

  it('composites the corners on white', () => {
    expect(cornerColour(canvas(5, 5, CLEAR), TRIM_DISTANCE)).toEqual([255, 255, 255]);
  });
});
