/**
 * Time core's Fashion-MNIST conversion on large product photos: a synthetic 1-megapixel and a
 * 40-megapixel RGBA photo (a dark garment on white with a soft shadow, the page slightly noisy so
 * no shortcut applies), plus a transparent cut-out. The conversion is O(pixels); this prints the
 * best of a few runs in ms. Usage: npx tsx bench/conversion.ts [runs]
 */
import { toFashionMnist } from '../core/conversion/to-fashion-mnist.js';
import type { RgbaImage } from '../core/conversion/types.js';

const runs = Number(process.argv[2] ?? 3);

/** A width x height photo: a garment (an ellipse) filling most of the frame on a light page. */
function photo(width: number, height: number, transparent: boolean): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2) / (width * 0.35);
      const dy = (y - height / 2) / (height * 0.4);
      const inside = dx * dx + dy * dy < 1;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = seed % 5;
      const o = (y * width + x) * 4;
      data[o] = inside ? 40 + noise : 250 + noise;
      data[o + 1] = inside ? 50 + noise : 250 + noise;
      data[o + 2] = inside ? 90 + noise : 250 + noise;
      data[o + 3] = transparent && !inside ? 0 : 255;
    }
  }
  return { data, width, height };
}

function time(label: string, image: RgbaImage): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    toFashionMnist(image);
    times.push(performance.now() - start);
  }
  const best = Math.min(...times);
  const megapixels = (image.width * image.height) / 1e6;
  console.log(`  ${label.padEnd(38)} ${best.toFixed(1).padStart(7)} ms  (${((best * 1e6) / (image.width * image.height)).toFixed(1)} ns/pixel, ${megapixels.toFixed(1)} MP)  [runs: ${times.map((t) => t.toFixed(0)).join(', ')}]`);
}

console.log(`conversion: toFashionMnist, best of ${runs} runs (Node ${process.version})`);
time('1 MP (1000x1000), opaque', photo(1000, 1000, false));
time('1 MP (1000x1000), transparent cut-out', photo(1000, 1000, true));
const big = photo(7746, 5164, false);
time('40 MP (7746x5164), opaque', big);
