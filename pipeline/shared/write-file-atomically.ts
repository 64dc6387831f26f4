import { randomBytes } from 'node:crypto';
import { rm, rename, writeFile } from 'node:fs/promises';
import { fileSystemError } from './file-system-error.js';
import { tempFileOf } from './leftovers.js';

/**
 * Writes `bytes` to a temporary file beside `path`, then renames it into place: readers see the old
 * file or the whole new one, never half of it, even if this process dies mid-write. A failure
 * leaves no temporary file and names `path` and the fix (FileSystemError).
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempFileOf(path, randomBytes(4).toString('hex'));
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (error) {
    throw fileSystemError(error, 'write', path);
  } finally {
    await rm(tmp, { force: true });
  }
}
