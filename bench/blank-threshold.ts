/**
 * Measures the statistic core's conversion refuses blank images by (countContentPixels: pixels of
 * the 28x28 input more than 5% above black) and prints the margins around MIN_CONTENT_PIXELS: on
 * the 10,000 Fashion-MNIST test images as they come (already 28x28 converted images), on the same
 * images rendered as product photos and converted back by core, on the 36 real shop photos
 * converted by core, and on the blank images and thin lines it must refuse (harness/blank-images).
 * Usage: npx tsx bench/blank-threshold.ts [--data-dir <folder>]
 */
import { parseArgs } from 'node:util';
import { BlankImageError } from '../core/conversion/blank-image-error.js';
import { countContentPixels, MIN_CONTENT_PIXELS } from '../core/conversion/check-has-content.js';
import { toFashionMnist } from '../core/conversion/to-fashion-mnist.js';
import { IMAGE_PIXELS } from '../core/model-contract.js';
import { loadFashionMnist, type ImageSet } from '../pipeline/data/fashion-mnist.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto } from '../pipeline/eval/render-product-photo.js';
import { decodePhoto } from '../pipeline/eval/shop-photos/decode-photo.js';
import { SHOP_PHOTOS_DIR } from '../pipeline/eval/shop-photos/load-shop-photos.js';
import { parseShopPhotoLabels } from '../pipeline/eval/shop-photos/shop-photo-labels.js';
import { blankImages } from '../harness/blank-images.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });

interface Measured {
  name: string;
  count: number;
}

/** The content pixels of core's conversion of an image; 0 when the conversion refuses it as having no content at all. */
function converted(image: Parameters<typeof toFashionMnist>[0]): number {
  try {
    return countContentPixels(toFashionMnist(image));
  } catch (error) {
    if (error instanceof BlankImageError) return error.contentPixels;
    throw error;
  }
}

function report(label: string, measured: Measured[], mustPass: boolean): number {
  const sorted = [...measured].sort((a, b) => (mustPass ? a.count - b.count : b.count - a.count));
  const edge = sorted[0]!;
  const wrong = measured.filter((m) => (m.count >= MIN_CONTENT_PIXELS) !== mustPass).length;
  const margin = mustPass ? edge.count - MIN_CONTENT_PIXELS : MIN_CONTENT_PIXELS - 1 - edge.count;
  console.log(`  ${label.padEnd(46)} ${String(measured.length).padStart(5)} images, ${mustPass ? 'fewest' : 'most  '} ${String(edge.count).padStart(3)} (${edge.name}); margin ${margin} pixels; ${mustPass ? 'refused' : 'kept'}: ${wrong}`);
  console.log(`  ${''.padEnd(46)} next: ${sorted.slice(1, 5).map((m) => `${m.count} (${m.name})`).join(', ')}`);
  return wrong;
}

function ofSet(set: ImageSet, label: string): Measured[] {
  return Array.from({ length: set.count }, (_, i) => ({ name: `${label} #${i}, class ${set.labels[i]}`, count: countContentPixels(set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)) }));
}

const data = await loadFashionMnist({ dataDir: values['data-dir'] });
const rendered = Array.from({ length: data.test.count }, (_, i) => ({
  name: `test #${i} as style ${i % PRODUCT_PHOTO_STYLES.length}`,
  count: converted(renderProductPhoto(data.test.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS), PRODUCT_PHOTO_STYLES[i % PRODUCT_PHOTO_STYLES.length]!)),
}));
const labelsPath = join(SHOP_PHOTOS_DIR, 'labels.tsv');
const photos = parseShopPhotoLabels(readFileSync(labelsPath, 'utf8'), labelsPath).map(({ file }) => ({ name: file, count: converted(decodePhoto(readFileSync(join(SHOP_PHOTOS_DIR, file)))) }));
const blanks = blankImages().map(({ name, image }) => ({ name, count: converted(image) }));

console.log(`blank threshold: content pixels (of ${IMAGE_PIXELS}) of the 28x28 input; an image with fewer than MIN_CONTENT_PIXELS = ${MIN_CONTENT_PIXELS} is refused as blank`);
let wrong = 0;
wrong += report('Fashion-MNIST test images as they come', ofSet(data.test, 'test'), true);
wrong += report('test images as product photos, converted', rendered, true);
wrong += report('real shop photos, converted', photos, true);
report('(training images as they come, for reference)', ofSet(data.train, 'train'), true);
wrong += report('blank images and thin lines, converted', blanks, false);
console.log(wrong === 0 ? '  every test image and photo kept, every blank image refused' : `  ${wrong} images on the wrong side of the threshold`);
