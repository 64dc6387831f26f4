import { spawnSync } from 'node:child_process';

/** What a fresh Node process sees when it loads tfjs-node. */
export interface NativeProbe {
  backend: string;
  tensorflowVersion: string;
}

const PROBE = `
const tf = require('@tensorflow/tfjs-node');
const b = tf.backend();
console.log(JSON.stringify({ backend: tf.getBackend(), tensorflowVersion: b.binding.TF_Version }));
`;

/** Loads tfjs-node in a child process (a broken addon can abort the process). Returns the probe or an error sentence. */
export function probeNative(cwd: string): NativeProbe | string {
  const run = spawnSync(process.execPath, ['-e', PROBE], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } });
  const line = run.stdout?.trim().split('\n').pop() ?? '';
  if (run.status === 0 && line.startsWith('{')) return JSON.parse(line) as NativeProbe;
  const why = (run.stderr || run.error?.message || '').trim().split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${run.status}`;
  return `tfjs-node does not load (${why.trim()})`;
}
