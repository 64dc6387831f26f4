import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileSystemError, fileSystemError } from './file-system-error.js';

/**
 * Checks, before any training, that each folder (e.g. --out and --checkpoint-dir) can be created
 * and written: a probe file is written and removed. An unwritable --out used to be found only
 * after training, when the export failed (issue 12, item 12). Throws a FileSystemError naming the
 * folder, the flag and the fix; `nothingDone` says what did not happen.
 */
export function checkOutputDirs(dirs: { dir: string; flag: string }[], nothingDone = 'Nothing was trained.'): void {
  for (const { dir, flag } of dirs) {
    const probe = join(dir, `.fashion-lens-write-check-${process.pid}`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(probe, 'Fashion Lens checks that it can write here before training.\n');
    } catch (error) {
      const wrapped = fileSystemError(trueCause(error, dir), `write in the ${flag} folder`, dir);
      throw new FileSystemError(`${wrapped.message} ${nothingDone}`, (wrapped as FileSystemError).code, error);
    }
    rmSync(probe, { force: true });
  }
}

/**
 * Node's recursive mkdir reports ENOENT when a missing folder cannot be made on a read-only file
 * system; the nearest existing ancestor's write access says what is really wrong (EROFS, EACCES).
 */
function trueCause(error: unknown, dir: string): unknown {
  if ((error as NodeJS.ErrnoException | null)?.code !== 'ENOENT') return error;
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
  } catch (cause) {
    return cause;
  }
  return error;
}
