import { PNG } from 'pngjs';
import { CLASS_NAMES, IMAGE_PIXELS } from '../core/model-contract.js';
import type { RgbaImage } from '../core/conversion/types.js';
import { readIdxFile } from '../pipeline/data/read-idx-file.js';
import { resolveDatasetDir } from '../pipeline/data/resolve-dataset-dir.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto } from '../pipeline/eval/render-product-photo.js';

/** A Fashion-MNIST test image rendered as a product photo. */
export interface ProductPhoto {
  /** Index in the 10,000 test images. */
  testIndex: number;
  /** True label 0..9 and its name. */
  label: number;
  labelName: string;
  /** URL-safe name, e.g. "sneaker-9". */
  name: string;
  /** The original 28x28 test image. */
  pixels: Uint8Array;
  /** The rendered photo, PNG-encoded. */
  png: Buffer;
}

export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data.set(image.data);
  return PNG.sync.write(png);
}

export function decodePng(bytes: Buffer): RgbaImage {
  const png = PNG.sync.read(bytes);
  return { data: new Uint8Array(png.data), width: png.width, height: png.height };
}

/**
 * The first `perClass` test images of each class (class by class, in label order), rendered as
 * product photos in the pipeline's styles (dark or tinted item on white, enlarged, with a
 * margin), from the real test set.
 */
export async function testSetPhotos(perClass: number): Promise<ProductPhoto[]> {
  const { dir } = await resolveDatasetDir({ download: false });
  const [images, labels] = await Promise.all([readIdxFile(dir, 't10k-images-idx3-ubyte'), readIdxFile(dir, 't10k-labels-idx1-ubyte')]);
  const photos: ProductPhoto[] = [];
  CLASS_NAMES.forEach((labelName, label) => {
    let found = 0;
    for (let testIndex = 0; testIndex < labels.count && found < perClass; testIndex++) {
      if (labels.data[testIndex] !== label) continue;
      const pixels = images.data.slice(testIndex * IMAGE_PIXELS, (testIndex + 1) * IMAGE_PIXELS);
      const style = PRODUCT_PHOTO_STYLES[(label + found) % PRODUCT_PHOTO_STYLES.length]!;
      const name = `${labelName.toLowerCase().replace(/[^a-z]+/g, '-')}-${testIndex}`;
      photos.push({ testIndex, label, labelName, name, pixels, png: encodePng(renderProductPhoto(pixels, style)) });
      found++;
    }
  });
  return photos;
}

/** The first test image of each class, as product photos (label order). */
export function firstOfEachClass(): Promise<ProductPhoto[]> {
  return testSetPhotos(1);
}
