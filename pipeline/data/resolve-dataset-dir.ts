import { homedir } from 'node:os';
import { join } from 'node:path';
import { DATASET_DIR_ENV, DATASET_FILE_NAMES, SYSTEM_DATASET_DIR } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';
import { downloadDataset, type FetchLike } from './download-dataset.js';
import { findIdxFile } from './read-idx-file.js';

/** Where the dataset came from. */
export interface DatasetSource {
  how: 'flag' | 'env' | 'cache' | 'system' | 'download';
  dir: string;
}

export interface ResolveOptions {
  /** The CLI's --data-dir: used if given, and an error if it lacks the files. */
  dataDir?: string;
  env?: Record<string, string | undefined>;
  /** Overrides the user cache folder. */
  cacheDir?: string;
  /** Overrides the system folder (tests). */
  systemDir?: string;
  /** Injected for tests; defaults to global fetch. */
  fetch?: FetchLike;
  /** Try the download when nothing is found locally (default true). */
  download?: boolean;
}

/** The user cache folder for the dataset: $XDG_CACHE_HOME/fashion-lens/fashion-mnist or ~/.cache/... */
export function datasetCacheDir(env: Record<string, string | undefined> = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'fashion-lens', 'fashion-mnist');
}

/** The four files missing from `dir` (empty when it holds the whole dataset). */
export function missingFiles(dir: string): string[] {
  return DATASET_FILE_NAMES.filter((name) => !findIdxFile(dir, name));
}

/**
 * Finds the dataset: --data-dir, then $FASHION_MNIST_DIR, then the user cache, then Debian's
 * /usr/share/datasets/fashion-mnist, then a verified download into the cache. An explicitly named
 * folder (flag or env) that lacks the files is an error, not a reason to look elsewhere.
 */
export async function resolveDatasetDir(opts: ResolveOptions = {}): Promise<DatasetSource> {
  const env = opts.env ?? process.env;
  const explicit: [DatasetSource['how'], string | undefined, string][] = [
    ['flag', opts.dataDir, '--data-dir'],
    ['env', env[DATASET_DIR_ENV], DATASET_DIR_ENV],
  ];
  for (const [how, dir, what] of explicit) {
    if (!dir) continue;
    const missing = missingFiles(dir);
    if (missing.length) throw new DatasetError(`${what} names ${dir}, which lacks ${missing.join(', ')} (.gz or raw). Point it at a folder holding all four Fashion-MNIST files.`);
    return { how, dir };
  }
  const cache = opts.cacheDir ?? datasetCacheDir(env);
  if (!missingFiles(cache).length) return { how: 'cache', dir: cache };
  const system = opts.systemDir ?? SYSTEM_DATASET_DIR;
  if (!missingFiles(system).length) return { how: 'system', dir: system };
  if (opts.download === false) {
    throw new DatasetError(`Fashion-MNIST was not found in ${cache} or ${system}. ${WAYS}`);
  }
  await downloadDataset(cache, opts.fetch);
  return { how: 'download', dir: cache };
}

const WAYS =
  `Give it one of these ways: --data-dir <folder>, the ${DATASET_DIR_ENV} environment variable, ` +
  `\`apt-get install dataset-fashion-mnist\` (Debian), or put the four .gz files in the cache folder.`;
export { WAYS as DATASET_WAYS };
