import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileSystemError } from './file-system-error.js';
import { makeDir } from './make-dir.js';
import { siblingOf } from './leftovers.js';

/**
 * Replaces the folder `dest` with exactly `files` (relative name -> content; a name may hold
 * subfolders, "model/model.json") in one rename: everything is written into a hidden temporary
 * sibling first, the old folder is moved aside, the new one moved in, and the old one removed.
 * A crash never leaves a half-written folder at `dest` (at worst the old folder sits beside it as
 * .<name>.old-<pid>, which cleanLeftovers puts back), no temporary folder survives a failure, and
 * a failed swap puts the old folder back. Every file-system error names its path and the fix (FileSystemError).
 */
export function writeDirAtomically(dest: string, files: Record<string, string | Uint8Array>): string {
  const parent = dirname(dest);
  const tmp = siblingOf(dest, 'tmp');
  const old = siblingOf(dest, 'old');
  let doing = { action: 'create the folder', path: parent };
  try {
    makeDir(parent);
    rmSync(tmp, { recursive: true, force: true });
    doing = { action: 'write', path: tmp };
    mkdirSync(tmp);
    for (const [file, content] of Object.entries(files)) {
      const path = join(tmp, file);
      doing = { action: 'write', path };
      makeDir(dirname(path));
      writeFileSync(path, content);
    }
    doing = { action: 'replace', path: dest };
    const hadOld = existsSync(dest);
    if (hadOld) renameSync(dest, old);
    try {
      renameSync(tmp, dest);
    } catch (error) {
      if (hadOld) renameSync(old, dest);
      throw error;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    throw fileSystemError(error, doing.action, doing.path);
  } finally {
    removeQuietly(tmp);
  }
  return dest;
}

/** Removes a temporary folder; a failure here (its parent is not a folder) must not hide the error that matters. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing was created there.
  }
}
