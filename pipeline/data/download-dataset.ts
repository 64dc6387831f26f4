import { join } from 'node:path';
import { DATASET_FILES, DATASET_FILE_NAMES, type DatasetFileName } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';
import { datasetHelp } from './dataset-help.js';
import { DATASET_DIR_ENV, DATASET_MIRRORS } from './dataset-locations.js';
import { DEFAULT_FETCH_TIMEOUTS, fetchBytes, FetchFailed, type FetchLike, type FetchTimeouts } from './fetch-bytes.js';
import { maybeGunzip } from './maybe-gunzip.js';
import { sha256Hex } from '../shared/sha256-hex.js';
import { writeFileAtomically } from '../shared/write-file-atomically.js';
import { makeDir } from '../shared/make-dir.js';

/** How to download; every field has a default. */
export interface DownloadOptions {
  /** The fetch to use (default: global fetch); tests point it at a local server. */
  fetch?: FetchLike;
  /** Base URLs serving the four `<name>.gz` files, tried in order (default DATASET_MIRRORS). */
  mirrors?: readonly string[];
  /** Header and stall timeouts (default DEFAULT_FETCH_TIMEOUTS). */
  timeouts?: FetchTimeouts;
  /** Told about each file as it starts (default: stderr), so a slow download does not look like a hang. */
  log?: (line: string) => void;
}

/** Fetches all four files from one mirror into memory, each gunzipped and checked against its SHA-256. */
async function fetchVerified(mirror: string, fetchImpl: FetchLike, timeouts: FetchTimeouts, log: (line: string) => void): Promise<Map<DatasetFileName, Uint8Array>> {
  const files = new Map<DatasetFileName, Uint8Array>();
  for (const name of DATASET_FILE_NAMES) {
    const url = `${mirror}${name}.gz`;
    log(`Downloading ${url}`);
    const gz = await fetchBytes(url, fetchImpl, timeouts).catch((error: FetchFailed) => {
      throw new FetchFailed(`${url}: ${error.message}`);
    });
    let sha256: string;
    try {
      sha256 = sha256Hex(await maybeGunzip(gz, url));
    } catch {
      throw new FetchFailed(`${url}: not a valid gzip file`);
    }
    if (sha256 !== DATASET_FILES[name].sha256) {
      throw new FetchFailed(`${url}: decompressed SHA-256 ${sha256} is not the published ${DATASET_FILES[name].sha256}`);
    }
    files.set(name, gz);
  }
  return files;
}

/**
 * Downloads the four .gz files into `cacheDir`. Nothing is written until all four have been fetched and
 * verified (SHA-256 of the decompressed bytes), and each is written atomically, so the cache never holds
 * a partial or unverified file. Mirrors are tried in order; returns the one used.
 */
export async function downloadDataset(cacheDir: string, opts: DownloadOptions = {}): Promise<string> {
  const fetchImpl = opts.fetch ?? fetch;
  const timeouts = opts.timeouts ?? DEFAULT_FETCH_TIMEOUTS;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const failures: string[] = [];
  for (const mirror of opts.mirrors ?? DATASET_MIRRORS) {
    let files: Map<DatasetFileName, Uint8Array>;
    try {
      files = await fetchVerified(mirror, fetchImpl, timeouts, log);
    } catch (error) {
      if (!(error instanceof FetchFailed)) throw error;
      failures.push(error.message);
      continue;
    }
    try {
      makeDir(cacheDir);
      for (const [name, gz] of files) await writeFileAtomically(join(cacheDir, `${name}.gz`), gz);
    } catch (error) {
      throw new DatasetError(
        `Downloaded Fashion-MNIST but could not write it to ${cacheDir} (${(error as Error).message}). ` +
          `Set XDG_CACHE_HOME to a writable folder, or put the files elsewhere and use --data-dir or ${DATASET_DIR_ENV}.`,
      );
    }
    return mirror;
  }
  throw new DatasetError(
    `Fashion-MNIST is not on this machine and downloading it failed (${failures.join('; ')}). ${datasetHelp(cacheDir)}`,
  );
}
