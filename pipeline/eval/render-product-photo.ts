import { IMAGE_PIXELS, IMAGE_SIZE } from '../../core/model-contract.js';
import type { Rgb, RgbaImage } from '../../core/conversion/types.js';
import { bilinearTaps } from '../../core/conversion/bilinear-taps.js';

/** How a Fashion-MNIST image is dressed up as a product photo. */
export interface ProductPhotoStyle {
  /** Enlargement factor, bilinear: the item becomes round(28*scale) pixels square (10 gives 280x280; 7.5 gives 210x210). */
  scale: number;
  /** Page margin around the item, in output pixels: one number for every side, or [top, right, bottom, left]. */
  padding: number | readonly [number, number, number, number];
  /** The item's colour where the Fashion-MNIST pixel is 255 (fainter pixels blend towards the background). */
  tint: Rgb;
  /** The page colour (default white), or 'transparent' for a cut-out: alpha 0 around the item, the item's coverage as alpha. */
  background?: Rgb | 'transparent';
}

/**
 * The styles the tests, the report and the e2e shop cycle through: varied size, margin and colour,
 * dark enough items that a shopper would see them on white. Every one converts back within the
 * round-trip bounds tests/unit/core/conversion checks.
 */
export const PRODUCT_PHOTO_STYLES: readonly ProductPhotoStyle[] = [
  { scale: 10, padding: 30, tint: [20, 20, 30] },
  { scale: 8, padding: 12, tint: [40, 60, 140] },
  { scale: 14, padding: 50, tint: [120, 30, 40] },
  { scale: 6, padding: 20, tint: [30, 90, 50] },
];

const WHITE: Rgb = [255, 255, 255];

function checkStyle(pixels: Uint8Array, style: ProductPhotoStyle): [number, number, number, number] {
  if (pixels.length !== IMAGE_PIXELS) throw new Error(`renderProductPhoto takes one ${IMAGE_SIZE}x${IMAGE_SIZE} Fashion-MNIST image (${IMAGE_PIXELS} bytes), got ${pixels.length} bytes.`);
  if (!(style.scale > 0) || !Number.isFinite(style.scale)) throw new Error(`The product photo's scale must be a positive number (10 makes the item 280x280), got ${style.scale}.`);
  const padding = typeof style.padding === 'number' ? ([style.padding, style.padding, style.padding, style.padding] as const) : style.padding;
  if (padding.length !== 4 || padding.some((p) => !Number.isInteger(p) || p < 0)) {
    throw new Error(`The product photo's padding must be a whole number of pixels >= 0, or four of them [top, right, bottom, left], got ${JSON.stringify(style.padding)}.`);
  }
  const colours: Rgb[] = [style.tint, ...(style.background && style.background !== 'transparent' ? [style.background] : [])];
  if (colours.some((c) => c.length !== 3 || c.some((v) => !(v >= 0 && v <= 255)))) {
    throw new Error(`The product photo's tint and background must be [r, g, b] with each value 0..255, got tint ${JSON.stringify(style.tint)} and background ${JSON.stringify(style.background ?? WHITE)}.`);
  }
  return [padding[0], padding[1], padding[2], padding[3]];
}

/**
 * Renders a 28x28 Fashion-MNIST image (a light item on black) as a product photo would show it:
 * inverted to a dark item on a light page, enlarged smoothly (bilinear, pixel centres aligned,
 * edges clamped), the item tinted (each pixel blends from the background to `tint` by its
 * value), with a page margin. Pure and deterministic: the same input gives the same bytes.
 * The tests, the report and the extension's end-to-end shop all render through it.
 */
export function renderProductPhoto(pixels: Uint8Array, style: ProductPhotoStyle): RgbaImage {
  const [top, right, bottom, left] = checkStyle(pixels, style);
  const inner = Math.max(1, Math.round(IMAGE_SIZE * style.scale));
  const width = left + inner + right;
  const height = top + inner + bottom;
  const transparent = style.background === 'transparent';
  const page = style.background === undefined || style.background === 'transparent' ? WHITE : style.background;
  const taps = bilinearTaps(IMAGE_SIZE, inner);
  const data = new Uint8ClampedArray(width * height * 4);
  // Coverage 0..1 of the item at each output pixel: the source enlarged, the margin 0.
  const coverage = new Float64Array(width * height);
  for (let iy = 0; iy < inner; iy++) {
    const r0 = taps.first[iy]! * IMAGE_SIZE;
    const r1 = taps.second[iy]! * IMAGE_SIZE;
    const fy = taps.fraction[iy]!;
    for (let ix = 0; ix < inner; ix++) {
      const c0 = taps.first[ix]!;
      const c1 = taps.second[ix]!;
      const fx = taps.fraction[ix]!;
      const above = pixels[r0 + c0]! * (1 - fx) + pixels[r0 + c1]! * fx;
      const below = pixels[r1 + c0]! * (1 - fx) + pixels[r1 + c1]! * fx;
      coverage[(top + iy) * width + left + ix] = (above * (1 - fy) + below * fy) / 255;
    }
  }
  for (let i = 0; i < width * height; i++) {
    const a = coverage[i]!;
    for (let c = 0; c < 3; c++) data[i * 4 + c] = transparent ? style.tint[c]! : page[c]! + (style.tint[c]! - page[c]!) * a;
    data[i * 4 + 3] = transparent ? 255 * a : 255;
  }
  return { data, width, height };
}
