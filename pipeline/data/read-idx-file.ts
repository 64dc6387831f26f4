import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DATASET_FILES, type DatasetFileName } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';
import { parseIdx } from './parse-idx.js';

const gunzipAsync = promisify(gunzip);

/** `<dir>/<name>.gz` or `<dir>/<name>`, whichever exists (gzip preferred), else undefined. */
export function findIdxFile(dir: string, name: string): string | undefined {
  return [join(dir, `${name}.gz`), join(dir, name)].find((p) => existsSync(p));
}

/** Decompresses (when gzip) the file's bytes; throws a DatasetError naming the file when the gzip is broken. */
export async function decompress(raw: Uint8Array, path: string): Promise<Uint8Array> {
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw;
  try {
    return new Uint8Array(await gunzipAsync(raw));
  } catch (error) {
    throw new DatasetError(`${path} is not a valid gzip file (${(error as Error).message}): it is truncated or corrupt. Delete it and fetch it again.`);
  }
}

/** Reads one dataset file (gzip or raw), verifies its decompressed SHA-256, and parses it. */
export async function readIdxFile(dir: string, name: DatasetFileName): Promise<{ data: Uint8Array; count: number; sha256: string }> {
  const path = findIdxFile(dir, name);
  if (!path) throw new DatasetError(`${join(dir, name)}(.gz) is missing: the dataset folder ${dir} must hold all four Fashion-MNIST files.`);
  const bytes = await decompress(new Uint8Array(await readFile(path)), path);
  const spec = DATASET_FILES[name];
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const parsed = parseIdx(bytes, spec.kind, path);
  if (sha256 !== spec.sha256) {
    throw new DatasetError(`${path} fails its checksum (SHA-256 ${sha256}, expected ${spec.sha256}): it is not the published Fashion-MNIST file. Delete it and fetch it again.`);
  }
  if (parsed.count !== spec.count) throw new DatasetError(`${path} holds ${parsed.count} ${spec.kind}, expected ${spec.count}.`);
  return { ...parsed, sha256 };
}
