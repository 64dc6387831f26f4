import { renameSync, rmSync } from 'node:fs';
import { fileSystemError } from './file-system-error.js';
import { siblingOf } from './leftovers.js';

/**
 * Removes the folder `dir` (if there) as one step: it is renamed aside first, then deleted, so a
 * process killed mid-way never leaves half of it at `dir` (a half-deleted checkpoint would be
 * refused as damaged by --resume); cleanLeftovers removes the renamed remains.
 */
export function removeDirAtomically(dir: string): void {
  const aside = siblingOf(dir, 'discard');
  try {
    renameSync(dir, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileSystemError(error, 'remove', dir);
  }
  try {
    rmSync(aside, { recursive: true, force: true });
  } catch (error) {
    throw fileSystemError(error, 'remove', aside);
  }
}
