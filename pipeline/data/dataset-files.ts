/** What one of the four Fashion-MNIST IDX files must be, once decompressed. */
export interface DatasetFileSpec {
  /** SHA-256 of the decompressed IDX bytes (the files Keras and Debian ship). */
  sha256: string;
  /** Decompressed length in bytes. */
  bytes: number;
  /** Which IDX layout: images (magic 0x00000803, 16-byte header) or labels (0x00000801, 8-byte header). */
  kind: 'images' | 'labels';
  /** Items the file holds. */
  count: number;
}

/** The four Fashion-MNIST files by base name; on disk each is `<name>` (raw) or `<name>.gz`. */
export const DATASET_FILES = {
  'train-images-idx3-ubyte': { sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888', bytes: 47_040_016, kind: 'images', count: 60_000 },
  'train-labels-idx1-ubyte': { sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9', bytes: 60_008, kind: 'labels', count: 60_000 },
  't10k-images-idx3-ubyte': { sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b', bytes: 7_840_016, kind: 'images', count: 10_000 },
  't10k-labels-idx1-ubyte': { sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34', bytes: 10_008, kind: 'labels', count: 10_000 },
} as const satisfies Record<string, DatasetFileSpec>;

export type DatasetFileName = keyof typeof DATASET_FILES;

/** The four base names, images before labels, train before test. */
export const DATASET_FILE_NAMES = Object.keys(DATASET_FILES) as DatasetFileName[];
