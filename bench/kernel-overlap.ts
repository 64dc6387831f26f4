/**
 * How much of a training step is spent in oneDNN's kernels, ours vs Keras, on the seed CNN: each
 * side runs with ONEDNN_VERBOSE=1 (oneDNN prints every kernel it executes with its time), and the
 * kernels of the timed steps are summed by kind. A kernel time above the wall time means kernels
 * ran at the same time (Keras' graph executor runs independent ops concurrently); tfjs-node runs
 * one op at a time. Verbose output slows both sides a little; the figures are for comparing them.
 * Usage: npx tsx bench/kernel-overlap.ts [steps]
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { venvPython } from '../pipeline/native/python-tensorflow.js';
import { runForJson } from './run-for-json.js';

const STEPS = Number(process.argv[2] ?? 40);

if (process.argv[3] === '--child') {
  const { oursSeedCnn } = await import('./ours-seed-cnn.js');
  const ours = await oursSeedCnn(STEPS);
  console.log('=== MARK');
  const samplesPerSecond = ours.round(0);
  console.log('=== END');
  console.log(JSON.stringify({ samplesPerSecond }));
} else {
  /** Per step: oneDNN kernel ms by "primitive implementation prop_kind", from the verbose lines between the marks. Pure. */
  const kernels = (stdout: string) => {
    const window = stdout.split('=== MARK')[1]?.split('=== END')[0] ?? '';
    const byKind = new Map<string, number>();
    for (const line of window.split('\n')) {
      const f = line.split(',');
      if (f[0] !== 'onednn_verbose' || f[1] !== 'exec') continue;
      const key = `${f[3]} ${f[5]} (${f[4]})`;
      byKind.set(key, (byKind.get(key) ?? 0) + Number(f[f.length - 1]) / STEPS);
    }
    return byKind;
  };
  const env = { ...process.env, ONEDNN_VERBOSE: '1', TF_CPP_MIN_LOG_LEVEL: '2' };
  type Rate = { samplesPerSecond: number };
  const ours = runForJson<Rate>(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(STEPS), '--child'], env);
  const python = venvPython();
  const keras = existsSync(python)
    ? runForJson<Rate>(python, [fileURLToPath(new URL('./keras_seed_cnn.py', import.meta.url)), '--steps', String(STEPS), '--warmup', '20', '--mark'], env)
    : `no Keras: ${python} is missing`;
  console.log(`kernel-overlap (seed CNN, batch 32, ${STEPS} timed steps each, ONEDNN_VERBOSE=1)`);
  for (const [name, run] of [['ours', ours], ['keras', keras]] as const) {
    if (typeof run === 'string') {
      console.log(`  ${name}: ${run}`);
      continue;
    }
    const byKind = kernels(run.stdout);
    const kernelMs = [...byKind.values()].reduce((a, b) => a + b, 0);
    const wallMs = (32 * 1000) / run.json.samplesPerSecond;
    console.log(`  ${name}: ${wallMs.toFixed(1)} ms wall per step, ${kernelMs.toFixed(1)} ms in oneDNN kernels (kernel time / wall ${(kernelMs / wallMs).toFixed(2)})`);
    for (const [kind, ms] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`    ${kind.padEnd(70)} ${ms.toFixed(1).padStart(6)} ms`);
  }
}
