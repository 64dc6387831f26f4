import { DATASET_FILES, type DatasetFileName } from './dataset-files.js';
import { DatasetError } from './dataset-error.js';

/** Throws unless `sha256` is the published checksum of dataset file `name`; `path` names the file read. */
export function verifyChecksum(name: DatasetFileName, sha256: string, path: string): void {
  const expected = DATASET_FILES[name].sha256;
  if (sha256 === expected) return;
  throw new DatasetError(
    `${path} fails its checksum: its decompressed SHA-256 is ${sha256}, the published ${name} has ${expected}. ` +
      `It is damaged or not Fashion-MNIST; delete it and get a fresh copy.`,
  );
}
