import { spawnSync } from 'node:child_process';

/**
 * Runs `command args` to the end and returns the JSON object its last stdout line holds (every
 * bench child, Python or Node, ends with one), with all of stdout; or a sentence saying why there
 * is none (the child's exit code or its last stderr line).
 */
export function runForJson<T>(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { json: T; stdout: string } | string {
  const run = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) return `${command.split('/').pop()} failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}`;
  return { json: JSON.parse(line) as T, stdout: run.stdout };
}
