import { homedir } from 'node:os';
import { join } from 'node:path';

/** Environment variable naming the dataset directory (second in the resolution order, after --data-dir). */
export const DATASET_DIR_ENV = 'FASHION_MNIST_DIR';

/** Where Debian's `dataset-fashion-mnist` package installs the four .gz files. */
export const SYSTEM_DATASET_DIR = '/usr/share/datasets/fashion-mnist';

/**
 * Mirrors tried in order, each serving the four `<name>.gz` files. Zalando's own bucket is an S3
 * *website* endpoint, which AWS serves over plain HTTP only (https:// to it never connects); that is
 * safe here because every file is checked against its SHA-256 before it is kept. Keras's copy is the
 * HTTPS fallback (the same bytes `tf.keras.datasets.fashion_mnist` downloads).
 */
export const DATASET_MIRRORS = [
  'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/',
  'https://storage.googleapis.com/tensorflow/tf-keras-datasets/',
] as const;

/** The user cache folder: `$XDG_CACHE_HOME/fashion-lens/fashion-mnist`, else `~/.cache/fashion-lens/fashion-mnist`. */
export function datasetCacheDir(env: Record<string, string | undefined> = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(cacheHome, 'fashion-lens', 'fashion-mnist');
}
