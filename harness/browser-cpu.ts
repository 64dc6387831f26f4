import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (ms) spent so far by each kind of thread of one Chromium (Linux /proc; empty elsewhere). */
export type CpuByThread = Map<string, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** What a Chromium process is, from its command line. */
function processRole(commandLine: string): string {
  const type = commandLine.match(/--type=(\S+)/)?.[1];
  if (!type) return 'browser process';
  if (type === 'renderer') return commandLine.includes('--extension-process') ? 'extension renderer' : 'page renderer';
  return type === 'utility' ? 'utility (network)' : type;
}

/** What a thread does, from its name (Chromium's names, cut to 15 characters by Linux). */
function threadRole(processName: string, threadName: string): string {
  if (processName === 'extension renderer') {
    if (threadName === 'chromium' || threadName.startsWith('CrRendererMain')) return 'extension main thread (offscreen document: predict, messages)';
    if (threadName.startsWith('DedicatedWorker')) return 'prepare worker (decode reads, conversion)';
    if (threadName.startsWith('ThreadPoolForeg')) return 'decoder threads (JPEG/PNG decoding)';
    if (threadName.startsWith('ServiceWorker')) return 'service worker';
  }
  return `${processName}, other threads`;
}

/**
 * The CPU time spent so far by the threads of the Chromium whose processes carry `profileDir` on
 * their command line (so other browsers on the machine are not counted), summed by role.
 */
export function readBrowserCpu(profileDir: string): CpuByThread {
  const spent: CpuByThread = new Map();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return spent;
  }
  for (const pid of pids) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!commandLine.includes(profileDir)) continue;
      const processName = processRole(commandLine);
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const threadName = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
        const role = threadRole(processName, threadName);
        spent.set(role, (spent.get(role) ?? 0) + ms);
      }
    } catch {
      // a process or thread that ended meanwhile
    }
  }
  return spent;
}

/** The CPU time spent between two readings, by role, largest first, and in total. */
export function cpuBetween(before: CpuByThread, after: CpuByThread): { totalMs: number; byRole: [string, number][] } {
  const byRole = [...after].map(([role, ms]): [string, number] => [role, ms - (before.get(role) ?? 0)]).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  return { totalMs: byRole.reduce((sum, [, ms]) => sum + ms, 0), byRole };
}
