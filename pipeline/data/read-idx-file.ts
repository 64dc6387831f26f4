import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_FILES, type DatasetFileName } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';
import { findIdxFile } from './find-idx-file.js';
import { maybeGunzip } from './maybe-gunzip.js';
import { parseIdx, type IdxContent } from './parse-idx.js';
import { sha256Hex } from '../shared/sha256-hex.js';

/** One dataset file read from disk, parsed but not yet checked against its published checksum. */
export interface IdxFile extends IdxContent {
  /** The file read (`<name>.gz` or `<name>`). */
  path: string;
  /** SHA-256 of the decompressed bytes. */
  sha256: string;
}

/** Reads `<dir>/<name>(.gz)` (gzip detected by content), parses it and hashes its decompressed bytes. */
export async function readIdxFile(dir: string, name: DatasetFileName): Promise<IdxFile> {
  const path = findIdxFile(dir, name);
  if (!path) {
    throw new DatasetError(`${join(dir, name)}.gz (or ${name} uncompressed) is missing: ${dir} must hold all four Fashion-MNIST files.`);
  }
  const file = await readFile(path);
  const bytes = await maybeGunzip(new Uint8Array(file.buffer, file.byteOffset, file.byteLength), path);
  const parsed = parseIdx(bytes, DATASET_FILES[name].kind, path);
  return { ...parsed, path, sha256: sha256Hex(bytes) };
}
