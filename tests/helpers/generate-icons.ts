/**
 * Draws the extension's icon (a white T-shirt under an amber magnifier on teal) at the sizes
 * Chrome asks for and writes extension/public/icon/<size>.png, where WXT finds them for the
 * manifest. Run: `npx tsx tests/helpers/generate-icons.ts`. The PNGs are committed; this
 * script is how to redraw them, so it is a plain vector description rasterised with 4x4
 * supersampling (no image editor involved).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const SUBSAMPLES = 4;

type Rgb = readonly [number, number, number];
const TEAL: Rgb = [0x1f, 0x6f, 0x78];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const AMBER: Rgb = [0xf5, 0xb3, 0x42];

/** T-shirt outline in unit coordinates (x right, y down). */
const SHIRT: readonly (readonly [number, number])[] = [
  [0.36, 0.2], [0.44, 0.2], [0.5, 0.27], [0.56, 0.2], [0.64, 0.2], [0.86, 0.35], [0.77, 0.48],
  [0.68, 0.43], [0.68, 0.82], [0.32, 0.82], [0.32, 0.43], [0.23, 0.48], [0.14, 0.35],
];

function insidePolygon(x: number, y: number, points: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/** Colour (or null for transparent) of one point of the icon. Later shapes paint over earlier ones. */
function colourAt(x: number, y: number): Rgb | null {
  if (!insideRoundedSquare(x, y, 0.2)) return null;
  const ring = Math.abs(Math.hypot(x - 0.64, y - 0.63) - 0.16);
  if (ring <= 0.045 || distanceToSegment(x, y, 0.76, 0.75, 0.88, 0.87) <= 0.055) return AMBER;
  if (insidePolygon(x, y, SHIRT)) return WHITE;
  return TEAL;
}

/** Rasterises the icon at `size` x `size` pixels (RGBA, anti-aliased by supersampling). */
export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SUBSAMPLES) / size, (py + (sy + 0.5) / SUBSAMPLES) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; covered++;
        }
      }
      const o = (py * size + px) * 4;
      png.data[o] = covered ? Math.round(r / covered) : 0;
      png.data[o + 1] = covered ? Math.round(g / covered) : 0;
      png.data[o + 2] = covered ? Math.round(b / covered) : 0;
      png.data[o + 3] = Math.round((covered / SUBSAMPLES ** 2) * 255);
    }
  }
  return png;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '../../extension/public/icon');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(outDir, `${size}.png`), PNG.sync.write(drawIcon(size)));
    console.log(`wrote ${join(outDir, `${size}.png`)}`);
  }
}
