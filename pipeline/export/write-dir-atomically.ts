import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces the folder `dest` with exactly `files` (name -> content) in one rename: everything is
 * written into a hidden temporary sibling first, the old folder is moved aside, the new one moved
 * in, and the old one removed. A crash never leaves a half-written folder at `dest` (at worst the
 * old folder sits beside it as .<name>.old-<pid>), and no temporary folder survives a failure.
 */
export function writeDirAtomically(dest: string, files: Record<string, string | Uint8Array>): string {
  const parent = dirname(dest);
  const name = basename(dest);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${name}.tmp-${process.pid}`);
  const old = join(parent, `.${name}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
    for (const [file, content] of Object.entries(files)) writeFileSync(join(tmp, file), content);
    if (existsSync(dest)) renameSync(dest, old);
    renameSync(tmp, dest);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dest;
}
