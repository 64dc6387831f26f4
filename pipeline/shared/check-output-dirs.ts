import { rmSync, writeFileSync } from 'node:fs';
import { FileSystemError, fileSystemError } from './file-system-error.js';
import { makeDir } from './make-dir.js';
import { writeProbeOf } from './leftovers.js';

/**
 * Checks, before any training, that each folder (e.g. --out and --checkpoint-dir) can be created
 * and written: a probe file is written and removed. An unwritable --out used to be found only
 * after training, when the export failed, and the training was lost. Throws a FileSystemError naming the
 * folder, the flag and the fix; `nothingDone` says what did not happen.
 */
export function checkOutputDirs(dirs: { dir: string; flag: string }[], nothingDone = 'Nothing was trained.'): void {
  for (const { dir, flag } of dirs) {
    const probe = writeProbeOf(dir);
    try {
      makeDir(dir);
      writeFileSync(probe, 'Fashion Lens checks that it can write here before training.\n');
    } catch (error) {
      const wrapped = fileSystemError(error, `write in the ${flag} folder`, dir);
      throw new FileSystemError(`${wrapped.message} ${nothingDone}`, (wrapped as FileSystemError).code, error);
    }
    rmSync(probe, { force: true });
  }
}
