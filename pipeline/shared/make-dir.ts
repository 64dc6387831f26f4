import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Whether nothing at all is at `path` (a stat that fails for another reason, ENOTDIR say, is left to mkdir to report). */
function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Creates `dir` and its missing parents, one plain mkdir at a time, top down. Node 20's
 * `mkdirSync(dir, { recursive: true })` never returns for a path under /proc (it retries the
 * ENOENT it gets there forever) and reports a read-only file system as ENOENT, "no such file";
 * a plain mkdir fails at once with the system's own code (EROFS,
 * EACCES, ENOTDIR, ENOENT where the file system refuses new folders), which it throws as it is
 * for the caller to turn into a sentence (fileSystemError). An existing folder is left as it is.
 */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  for (let path = resolve(dir); isMissing(path); path = dirname(path)) {
    missing.unshift(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Another process made it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
    }
  }
}
