import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILE_NAMES } from './dataset-files.js';

/** `<dir>/<name>.gz` or `<dir>/<name>`, whichever exists (.gz first), else undefined. */
export function findIdxFile(dir: string, name: string): string | undefined {
  return [join(dir, `${name}.gz`), join(dir, name)].find((path) => existsSync(path));
}

/** The dataset files `dir` lacks (empty when it holds all four, as .gz or raw). */
export function missingDatasetFiles(dir: string): string[] {
  return DATASET_FILE_NAMES.filter((name) => !findIdxFile(dir, name));
}
