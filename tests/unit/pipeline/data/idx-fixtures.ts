import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATASET_FILE_NAMES } from '../../../../pipeline/data/dataset-files.js';

/** Where Debian's dataset-fashion-mnist puts the real files (present on this machine). */
export const REAL_DIR = '/usr/share/datasets/fashion-mnist';

/** A synthetic IDX file: big-endian magic and dimensions, then `payloadBytes` bytes (each i % 10). */
export function idx(magic: number, dims: number[], payloadBytes: number): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + payloadBytes);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  for (let i = 4 + 4 * dims.length; i < bytes.length; i++) bytes[i] = i % 10;
  return bytes;
}

/** A well-formed synthetic images file with `count` 28x28 images. */
export const imagesIdx = (count: number): Uint8Array => idx(0x803, [count, 28, 28], count * 784);
/** A well-formed synthetic labels file with `count` labels. */
export const labelsIdx = (count: number): Uint8Array => idx(0x801, [count], count);

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `fashion-lens-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `bytes` to `dir/file`, gzipped when `gzip` is true. Returns the path. */
export function put(dir: string, file: string, bytes: Uint8Array, gzip = false): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, gzip ? gzipSync(bytes) : bytes);
  return path;
}

/** A folder with four empty `<name>.gz` files: enough for the resolver, which only looks for them. */
export function placeholderDataset(dir: string): string {
  for (const name of DATASET_FILE_NAMES) put(dir, `${name}.gz`, new Uint8Array());
  return dir;
}

/** A folder with four structurally valid synthetic files: `trainCount`/`trainLabels` train, 3 test. */
export function syntheticDataset(dir: string, trainCount: number, trainLabels = trainCount): string {
  put(dir, 'train-images-idx3-ubyte.gz', imagesIdx(trainCount), true);
  put(dir, 'train-labels-idx1-ubyte', labelsIdx(trainLabels));
  put(dir, 't10k-images-idx3-ubyte', imagesIdx(3));
  put(dir, 't10k-labels-idx1-ubyte.gz', labelsIdx(3), true);
  return dir;
}
