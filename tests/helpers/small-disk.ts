import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real, tiny file system (tmpfs) that fills up: writes past its size fail with ENOSPC, as on a full disk. */
export interface SmallDisk {
  /** Where it is mounted. */
  dir: string;
  /** Unmounts it and removes the mount point. */
  remove(): void;
}

/**
 * Mounts a tmpfs of `size` (e.g. '320k') on a fresh folder; `readOnly` mounts it read-only (writes
 * fail with EROFS, even for root). Needs root (containers and CI run the tests as root); returns
 * undefined when mounting is not allowed, so a test can say it was skipped.
 */
export function mountSmallDisk(size: string, { readOnly = false } = {}): SmallDisk | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    remove() {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this machine lets the tests mount a small disk (root, mount permitted). */
export function canMountSmallDisk(): boolean {
  const probe = mountSmallDisk('4k');
  probe?.remove();
  return probe !== undefined;
}
