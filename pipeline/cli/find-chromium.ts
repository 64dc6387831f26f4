import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where end-to-end tests and the browser benchmark look for Chromium: $CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Chromium's version string, or a sentence saying it is missing and how to get it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path: string; version: string } | string {
  const path = chromiumPath(env);
  if (!existsSync(path)) return `not found at ${path} (install Debian's chromium: apt-get install chromium, or set CHROMIUM_PATH)`;
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return { path, version: run.stdout.trim() || 'unknown version' };
}
