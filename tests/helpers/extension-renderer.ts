import { readdirSync, readFileSync } from 'node:fs';

/**
 * The process ids of the extension's renderer (service worker and offscreen document share it) in
 * the Chromium whose profile is `profileDir`, found by their command lines in /proc (Linux).
 */
export function extensionRendererPids(profileDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let args: string[];
    try {
      // Chromium rewrites its children's command lines as one space-separated string.
      args = readFileSync(`/proc/${name}/cmdline`, 'latin1').split(/[\0 ]/);
    } catch {
      continue; // the process ended while we looked
    }
    if (args.includes('--type=renderer') && args.includes('--extension-process') && args.includes(`--user-data-dir=${profileDir}`)) pids.push(Number(name));
  }
  return pids;
}

/** The most memory a process has held resident so far (VmHWM), in MiB. */
export function peakResidentMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  if (!match) throw new Error(`/proc/${pid}/status has no VmHWM line`);
  return Number(match[1]) / 1024;
}
