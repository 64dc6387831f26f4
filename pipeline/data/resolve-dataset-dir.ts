import { existsSync } from 'node:fs';
import { DatasetError } from './dataset-error.js';
import { datasetHelp } from './dataset-help.js';
import { datasetCacheDir, DATASET_DIR_ENV, SYSTEM_DATASET_DIR } from './dataset-locations.js';
import { downloadDataset, type DownloadOptions } from './download-dataset.js';
import { missingDatasetFiles } from './find-idx-file.js';

/** Where the dataset was found. */
export interface DatasetSource {
  /** Which rule found it: --data-dir, $FASHION_MNIST_DIR, the user cache, Debian's folder, or a fresh download (into the cache). */
  how: 'flag' | 'env' | 'cache' | 'system' | 'download';
  /** The folder holding the four files. */
  dir: string;
}

/** Where to look; all optional. */
export interface ResolveOptions extends DownloadOptions {
  /** The CLI's --data-dir: used if given, and an error (not a fall-through) if it lacks the files. */
  dataDir?: string;
  /** Environment to read FASHION_MNIST_DIR, XDG_CACHE_HOME and HOME from (default process.env). */
  env?: Record<string, string | undefined>;
  /** The user cache folder (default datasetCacheDir(env)); downloads go here. */
  cacheDir?: string;
  /** Debian's folder (default SYSTEM_DATASET_DIR); tests point it elsewhere. */
  systemDir?: string;
  /** Download when no folder has the files (default true); false makes that an error instead. */
  download?: boolean;
}

function explicitDir(how: 'flag' | 'env', dir: string): DatasetSource {
  const what = how === 'flag' ? '--data-dir' : `${DATASET_DIR_ENV}=${dir}`;
  if (!existsSync(dir)) throw new DatasetError(`${what}: ${dir} does not exist. Point it at a folder holding the four Fashion-MNIST files.`);
  const missing = missingDatasetFiles(dir);
  if (missing.length) {
    throw new DatasetError(`${what}: ${dir} lacks ${missing.join(', ')} (as .gz or uncompressed). Point it at a folder holding all four Fashion-MNIST files.`);
  }
  return { how, dir };
}

/**
 * Finds the Fashion-MNIST folder without reading the files: --data-dir, then $FASHION_MNIST_DIR, then
 * the user cache, then Debian's /usr/share/datasets/fashion-mnist, then a verified download into the
 * cache. A folder counts only if it holds all four files. A folder the user named (flag or env) that
 * lacks them is an error: silently using another copy would hide their mistake.
 */
export async function resolveDatasetDir(opts: ResolveOptions = {}): Promise<DatasetSource> {
  const env = opts.env ?? process.env;
  if (opts.dataDir) return explicitDir('flag', opts.dataDir);
  const fromEnv = env[DATASET_DIR_ENV];
  if (fromEnv) return explicitDir('env', fromEnv);
  const cache = opts.cacheDir ?? datasetCacheDir(env);
  if (missingDatasetFiles(cache).length === 0) return { how: 'cache', dir: cache };
  const system = opts.systemDir ?? SYSTEM_DATASET_DIR;
  if (missingDatasetFiles(system).length === 0) return { how: 'system', dir: system };
  if (opts.download === false) throw new DatasetError(`Fashion-MNIST is not in ${cache} or ${system}. ${datasetHelp(cache)}`);
  await downloadDataset(cache, opts);
  return { how: 'download', dir: cache };
}
