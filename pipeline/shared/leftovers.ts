import { existsSync, readdirSync, renameSync, rmSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// What a pipeline process leaves beside its output while it writes, named after its pid, and how
// another process puts things right when that one was killed mid-way (a second Ctrl-C, or a step
// that did not stop within the grace period: see run-in-worker.ts). Every name is hidden or
// carries a suffix, so the extension build and the report never take one for a model.

/** The kinds of sibling a folder write uses: the new folder being written, the old one moved aside, a folder being removed. */
type SiblingKind = 'tmp' | 'old' | 'discard';

/** `.<name>.<kind>-<pid>` beside `dest`. */
export function siblingOf(dest: string, kind: SiblingKind, pid: number = process.pid): string {
  return join(dirname(dest), `.${basename(dest)}.${kind}-${pid}`);
}

/** The probe file checkOutputDirs writes and removes in `dir`. */
export function writeProbeOf(dir: string, pid: number = process.pid): string {
  return join(dir, `.fashion-lens-write-check-${pid}`);
}

/** A temporary file beside `path` (writeFileAtomically); `unique` tells apart concurrent writes of one process. */
export function tempFileOf(path: string, unique: string, pid: number = process.pid): string {
  return `${path}.tmp-${pid}-${unique}`;
}

/** The entries of `folder`; none when it is missing or unreadable (nothing of ours can be there then). */
function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Folders worth looking in under `root`: itself and its direct subfolders (models/, comparisons/ hold the exports). */
function foldersToSweep(root: string): string[] {
  const subfolders = entriesOf(root).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  return [root, ...subfolders.map((e) => join(root, e.name))];
}

/**
 * Puts right what process `pid` left under each of `roots` (and their direct subfolders) when it
 * was killed: a folder moved aside for a write that never finished goes back (`.<name>.old-<pid>`
 * without `<name>`: the new one was never moved in), or is removed when the new one is in place;
 * temporary folders and files, folders being removed and write probes are removed. Returns a
 * sentence for each path it could not put right (nothing when all went well).
 */
export function cleanLeftovers(roots: string[], pid: number): string[] {
  const hidden = new RegExp(`^\\.(.+)\\.(tmp|old|discard)-${pid}$`);
  const other = new RegExp(`^(\\.fashion-lens-write-check-${pid}|.+\\.tmp-${pid}-[0-9a-f]+)$`);
  const problems: string[] = [];
  for (const folder of [...new Set(roots.flatMap(foldersToSweep))]) {
    for (const { name: entry } of entriesOf(folder)) {
      const path = join(folder, entry);
      const match = hidden.exec(entry);
      const dest = match ? join(folder, match[1]!) : undefined;
      const putBack = match?.[2] === 'old' && !existsSync(dest!);
      try {
        if (putBack) renameSync(path, dest!);
        else if (match || other.test(entry)) rmSync(path, { recursive: true, force: true });
      } catch (error) {
        const fix = putBack ? `rename it to ${dest}` : 'remove it';
        problems.push(`Could not tidy ${path}, left by the stopped pipeline (${(error as Error).message}): ${fix} by hand.`);
      }
    }
  }
  return problems;
}
