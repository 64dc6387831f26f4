import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES, DATASET_FILE_NAMES, DATASET_MIRROR } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';
import { decompress } from './read-idx-file.js';
import { DATASET_WAYS } from './resolve-dataset-dir.js';

/** The part of fetch the download needs (injectable for tests against a local server). */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Seconds to wait for each file before giving up (fails fast where there is no internet). */
const TIMEOUT_MS = 15_000;

/**
 * Downloads the four .gz files from the public mirror into `cacheDir`, each verified by SHA-256
 * of its decompressed bytes before it is renamed into place: nothing unverified is ever left there.
 */
export async function downloadDataset(cacheDir: string, fetchImpl: FetchLike = fetch as unknown as FetchLike, mirror = DATASET_MIRROR): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of DATASET_FILE_NAMES) {
    const url = `${mirror}${name}.gz`;
    let bytes: Uint8Array;
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new DatasetError(`Fashion-MNIST is not on this machine and downloading ${url} failed (${cause}). ${DATASET_WAYS}`);
    }
    const sha256 = createHash('sha256').update(await decompress(bytes, url)).digest('hex');
    if (sha256 !== DATASET_FILES[name].sha256) {
      throw new DatasetError(`The download of ${url} fails its checksum (SHA-256 ${sha256}, expected ${DATASET_FILES[name].sha256}); nothing was kept. Try again later, or ${DATASET_WAYS}`);
    }
    const tmp = join(cacheDir, `.${name}.gz.tmp-${process.pid}`);
    writeFileSync(tmp, bytes);
    try {
      renameSync(tmp, join(cacheDir, `${name}.gz`));
    } finally {
      rmSync(tmp, { force: true });
    }
  }
}
