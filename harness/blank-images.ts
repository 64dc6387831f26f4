import type { RgbaImage } from '../core/conversion/types.js';

// Images a shop page is full of that show no item: lazy-loading placeholders, spacers, swatches,
// rules. core's conversion must refuse every one as blank (bench/blank-threshold.ts measures them
// against the real photos; the unit and e2e tests classify them).

type Rgba = readonly [number, number, number, number];

const WHITE: Rgba = [255, 255, 255, 255];

function canvas(width: number, height: number, fill: Rgba): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(fill, i * 4);
  return { data, width, height };
}

function paint(image: RgbaImage, inside: (x: number, y: number) => boolean, colour: Rgba): RgbaImage {
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) if (inside(x, y)) image.data.set(colour, (y * image.width + x) * 4);
  return image;
}

/** A named image that shows nothing to classify. */
export interface BlankImage {
  name: string;
  image: RgbaImage;
}

/** Blank, transparent and one-colour images, and thin lines on a page: each must be refused as blank. */
export function blankImages(): BlankImage[] {
  const ink: Rgba = [20, 20, 30, 255];
  return [
    { name: 'fully transparent 400x400', image: canvas(400, 400, [0, 0, 0, 0]) },
    { name: 'white 400x400', image: canvas(400, 400, WHITE) },
    { name: 'flat grey placeholder 300x400', image: canvas(300, 400, [204, 204, 204, 255]) },
    { name: 'colour swatch 64x64', image: canvas(64, 64, [150, 40, 60, 255]) },
    { name: 'faint item within the trim tolerance', image: paint(canvas(400, 400, WHITE), (x, y) => (x - 200) ** 2 + (y - 200) ** 2 < 120 ** 2, [243, 243, 243, 255]) },
    { name: '1 px horizontal rule', image: paint(canvas(500, 500, WHITE), (x, y) => y === 250 && x >= 50 && x < 450, ink) },
    { name: '20 px horizontal bar', image: paint(canvas(500, 500, WHITE), (x, y) => y >= 240 && y < 260 && x >= 50 && x < 450, ink) },
    { name: '2 px vertical rule', image: paint(canvas(500, 500, WHITE), (x, y) => x >= 250 && x < 252 && y >= 20 && y < 480, ink) },
    { name: '1 px diagonal line', image: paint(canvas(500, 500, WHITE), (x, y) => x === y && x >= 50 && x < 450, ink) },
    { name: '3 px shallow line', image: paint(canvas(500, 500, WHITE), (x, y) => x >= 50 && x < 450 && Math.abs(y - (200 + (x - 50) / 4)) < 1.5, ink) },
    { name: 'grey rule on a transparent page', image: paint(canvas(500, 300, [0, 0, 0, 0]), (x, y) => y >= 149 && y < 151, [128, 128, 128, 255]) },
  ];
}
