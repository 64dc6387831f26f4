import { IMAGE_SIZE } from '../../core/class-names.js';
import type { RgbaImage } from '../../core/conversion/types.js';

/** How a Fashion-MNIST image is dressed up as a product photo. */
export interface ProductPhotoStyle {
  /** Enlargement factor (bilinear). */
  scale: number;
  /** Background margin added on every side, in output pixels. */
  padding: number;
  /** Colour of the item at full intensity. */
  tint: [number, number, number];
  /** Page colour (default white). */
  background?: [number, number, number];
}

/** A few styles cycled through by the tests, the report and the e2e shop page: varied size, margin and colour. */
export const PRODUCT_PHOTO_STYLES: ProductPhotoStyle[] = [
  { scale: 10, padding: 30, tint: [20, 20, 30] },
  { scale: 8, padding: 12, tint: [40, 60, 140] },
  { scale: 14, padding: 50, tint: [120, 30, 40] },
  { scale: 6, padding: 20, tint: [30, 90, 50] },
];

/**
 * Renders a 28x28 Fashion-MNIST image (light item on black) as a product photo: the item dark
 * (tinted) on a light page, enlarged smoothly, with a margin. Pure and deterministic.
 */
export function renderProductPhoto(pixels: Uint8Array, style: ProductPhotoStyle): RgbaImage {
  const inner = IMAGE_SIZE * style.scale;
  const size = inner + 2 * style.padding;
  const bg = style.background ?? [255, 255, 255];
  const data = new Uint8ClampedArray(size * size * 4);
  const sample = (x: number, y: number) => pixels[Math.min(IMAGE_SIZE - 1, Math.max(0, y)) * IMAGE_SIZE + Math.min(IMAGE_SIZE - 1, Math.max(0, x))]! / 255;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let a = 0;
      const ix = x - style.padding;
      const iy = y - style.padding;
      if (ix >= 0 && iy >= 0 && ix < inner && iy < inner) {
        const sx = (ix + 0.5) / style.scale - 0.5;
        const sy = (iy + 0.5) / style.scale - 0.5;
        const x0 = Math.floor(sx);
        const y0 = Math.floor(sy);
        const fx = sx - x0;
        const fy = sy - y0;
        a = (sample(x0, y0) * (1 - fx) + sample(x0 + 1, y0) * fx) * (1 - fy) + (sample(x0, y0 + 1) * (1 - fx) + sample(x0 + 1, y0 + 1) * fx) * fy;
      }
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) data[o + c] = bg[c]! * (1 - a) + style.tint[c]! * a;
      data[o + 3] = 255;
    }
  }
  return { data, width: size, height: size };
}
