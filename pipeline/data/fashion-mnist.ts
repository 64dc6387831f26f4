import { DATASET_FILE_NAMES, type DatasetFileName } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';
import { sliceImageSet, type ImageSet } from './image-set.js';
import { readIdxFile, type IdxFile } from './read-idx-file.js';
import { resolveDatasetDir, type DatasetSource, type ResolveOptions } from './resolve-dataset-dir.js';
import { verifyChecksum } from './verify-checksum.js';

export type { ImageSet } from './image-set.js';
export type { DatasetSource } from './resolve-dataset-dir.js';

/** Fashion-MNIST split as the seed splits it. */
export interface FashionMnist {
  /** The first 55,000 images of the training file. */
  train: ImageSet;
  /** The last 5,000 images of the training file. */
  validation: ImageSet;
  /** The 10,000 test images. */
  test: ImageSet;
  /** Where the files came from. */
  source: DatasetSource;
  /** Decompressed SHA-256 per file name, e.g. 'train-images-idx3-ubyte' (recorded in each model's metadata). */
  sha256: Record<string, string>;
}

/** Validation images held out from the end of the training file, as the seed does. */
export const VALIDATION_COUNT = 5_000;

function checkSameCount(images: IdxFile, labels: IdxFile): void {
  if (images.count === labels.count) return;
  throw new DatasetError(
    `${images.path} holds ${images.count} images but ${labels.path} holds ${labels.count} labels: they must come from the same set. ` +
      `Replace them with the published Fashion-MNIST files.`,
  );
}

/**
 * Finds (see resolveDatasetDir), reads, verifies and splits Fashion-MNIST. Each file is checked for
 * structure first (its own error is the clearest), then image/label counts, then the published SHA-256.
 * The sets are views into one buffer per file: nothing is copied after decompression.
 */
export async function loadFashionMnist(opts: ResolveOptions = {}): Promise<FashionMnist> {
  const source = await resolveDatasetDir(opts);
  const read = await Promise.all(DATASET_FILE_NAMES.map((name) => readIdxFile(source.dir, name)));
  const files = Object.fromEntries(DATASET_FILE_NAMES.map((name, i) => [name, read[i]!])) as Record<DatasetFileName, IdxFile>;
  checkSameCount(files['train-images-idx3-ubyte'], files['train-labels-idx1-ubyte']);
  checkSameCount(files['t10k-images-idx3-ubyte'], files['t10k-labels-idx1-ubyte']);
  for (const name of DATASET_FILE_NAMES) verifyChecksum(name, files[name].sha256, files[name].path);

  const trainImages = files['train-images-idx3-ubyte'].data;
  const trainLabels = files['train-labels-idx1-ubyte'].data;
  const trainTotal = files['train-images-idx3-ubyte'].count;
  const testSet = files['t10k-images-idx3-ubyte'];
  return {
    train: sliceImageSet(trainImages, trainLabels, 0, trainTotal - VALIDATION_COUNT),
    validation: sliceImageSet(trainImages, trainLabels, trainTotal - VALIDATION_COUNT, trainTotal),
    test: sliceImageSet(testSet.data, files['t10k-labels-idx1-ubyte'].data, 0, testSet.count),
    source,
    sha256: Object.fromEntries(DATASET_FILE_NAMES.map((name) => [name, files[name].sha256])),
  };
}
