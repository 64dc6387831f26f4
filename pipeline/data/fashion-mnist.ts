import { IMAGE_PIXELS } from '../../core/class-names.js';
import { DatasetError } from './dataset-error.js';
import type { DatasetFileName } from './dataset-files.js';
import { readIdxFile } from './read-idx-file.js';
import { resolveDatasetDir, type DatasetSource, type ResolveOptions } from './resolve-dataset-dir.js';

/** A labelled set of 28x28 grayscale images. */
export interface ImageSet {
  /** count*784 bytes, row-major, 0..255. */
  images: Uint8Array;
  /** count bytes, 0..9. */
  labels: Uint8Array;
  count: number;
}

/** The seed's split of Fashion-MNIST. */
export interface FashionMnist {
  /** First 55,000 training images. */
  train: ImageSet;
  /** Last 5,000 training images. */
  validation: ImageSet;
  /** The 10,000 test images. */
  test: ImageSet;
  source: DatasetSource;
  /** Decompressed SHA-256 per file name, e.g. 'train-images-idx3-ubyte'. */
  sha256: Record<string, string>;
}

/** Validation images held out from the end of the training file, as the seed does. */
export const VALIDATION_COUNT = 5_000;

function slice(images: Uint8Array, labels: Uint8Array, from: number, to: number): ImageSet {
  return { images: images.subarray(from * IMAGE_PIXELS, to * IMAGE_PIXELS), labels: labels.subarray(from, to), count: to - from };
}

/** Loads, verifies and splits Fashion-MNIST (see resolveDatasetDir for where it looks). */
export async function loadFashionMnist(opts: ResolveOptions = {}): Promise<FashionMnist> {
  const source = await resolveDatasetDir(opts);
  const names: DatasetFileName[] = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(names.map((n) => readIdxFile(source.dir, n)));
  for (const [images, labels, what] of [
    [trainImages!, trainLabels!, 'train'],
    [testImages!, testLabels!, 't10k'],
  ] as const) {
    if (images.count !== labels.count) throw new DatasetError(`${source.dir}: ${what} has ${images.count} images but ${labels.count} labels.`);
  }
  const trainCount = trainImages!.count - VALIDATION_COUNT;
  return {
    train: slice(trainImages!.data, trainLabels!.data, 0, trainCount),
    validation: slice(trainImages!.data, trainLabels!.data, trainCount, trainImages!.count),
    test: slice(testImages!.data, testLabels!.data, 0, testImages!.count),
    source,
    sha256: Object.fromEntries(names.map((n, i) => [n, [trainImages, trainLabels, testImages, testLabels][i]!.sha256])),
  };
}
