/** The four Fashion-MNIST IDX files: decompressed SHA-256 and size (the files Keras downloads). */
export const DATASET_FILES = {
  'train-images-idx3-ubyte': { sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888', bytes: 47_040_016, kind: 'images', count: 60_000 },
  'train-labels-idx1-ubyte': { sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9', bytes: 60_008, kind: 'labels', count: 60_000 },
  't10k-images-idx3-ubyte': { sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b', bytes: 7_840_016, kind: 'images', count: 10_000 },
  't10k-labels-idx1-ubyte': { sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34', bytes: 10_008, kind: 'labels', count: 10_000 },
} as const;

export type DatasetFileName = keyof typeof DATASET_FILES;
export const DATASET_FILE_NAMES = Object.keys(DATASET_FILES) as DatasetFileName[];

/** Environment variable naming the dataset directory. */
export const DATASET_DIR_ENV = 'FASHION_MNIST_DIR';

/** Debian's dataset-fashion-mnist installs the files here. */
export const SYSTEM_DATASET_DIR = '/usr/share/datasets/fashion-mnist';

/** The public mirror the files are downloaded from when no local copy exists. */
export const DATASET_MIRROR = 'https://fashion-mnist.s3-website.eu-central-1.amazonaws.com/';
