import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real read-only file system for a child process: a tmpfs mounted read-only in a private mount
// namespace (unshare), so nothing is mounted for anyone else and nothing is left to unmount. Root
// may always do this; other users may where the kernel allows user namespaces (Debian and Ubuntu
// do by default), since --map-root-user makes them root in their own namespace.

const UNSHARE = ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o ro fashion-lens-ro "$0" && exec "$@"'];

/** The command line that runs `command` with a read-only file system mounted at `dir` (an existing folder). */
export function withReadOnlyMount(dir: string, command: string[]): [string, string[]] {
  const [program, ...args] = [...UNSHARE, dir, ...command];
  return [program!, args];
}

/** Whether this machine lets a test mount a read-only file system that way (a real EROFS: `touch` fails there). */
export function canMountReadOnly(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-ro-probe-'));
  try {
    const [program, args] = withReadOnlyMount(dir, ['touch', join(dir, 'x')]);
    const probe = spawnSync(program, args, { encoding: 'utf8' });
    return probe.status !== 0 && /read-only/i.test(probe.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
