import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const DATASET_DIR = '/usr/share/datasets/fashion-mnist';
const IMAGE_HEADER_BYTES = 16;

/** The first `count` images of a real Fashion-MNIST IDX file, 784 raw 0..255 pixels each. */
export function readFashionImages(file: 'train-images-idx3-ubyte.gz' | 't10k-images-idx3-ubyte.gz', count: number): Uint8Array[] {
  const bytes = gunzipSync(readFileSync(`${DATASET_DIR}/${file}`));
  return Array.from({ length: count }, (_, i) => bytes.subarray(IMAGE_HEADER_BYTES + i * 784, IMAGE_HEADER_BYTES + (i + 1) * 784));
}

/** Per-pixel mean and std (+1e-7) of some images, as the pipeline bakes them into a model. */
export function standardizationOf(images: Uint8Array[]): { mean: Float32Array; std: Float32Array } {
  const mean = new Float32Array(784);
  const std = new Float32Array(784);
  for (const image of images) image.forEach((v, p) => (mean[p]! += v / images.length));
  for (const image of images) image.forEach((v, p) => (std[p]! += (v - mean[p]!) ** 2 / images.length));
  std.forEach((v, p) => (std[p] = Math.sqrt(v) + 1e-7));
  return { mean, std };
}

/** The first `count` labels (0..9) of a real Fashion-MNIST IDX label file. */
export function readFashionLabels(file: 'train-labels-idx1-ubyte.gz' | 't10k-labels-idx1-ubyte.gz', count: number): Uint8Array {
  return gunzipSync(readFileSync(`${DATASET_DIR}/${file}`)).subarray(8, 8 + count);
}
