import { spawnSync } from 'node:child_process';

/** The current commit (with "-dirty" when the tree has changes), or 'unknown' outside a git checkout. */
export function gitCommit(cwd = process.cwd()): string {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' });
  return head.stdout.trim() + (dirty.stdout.trim() ? '-dirty' : '');
}

/** When and from which commit an export is made now (metadata.json's createdAt and gitCommit). */
export const madeNow = () => ({ createdAt: new Date().toISOString(), gitCommit: gitCommit() });
