/**
 * How much of a training step is spent in oneDNN's kernels, ours vs Keras, on the seed CNN: each
 * runner (ours eager, ours graph fp32 and bf16, Keras float32 and mixed_bfloat16) runs with
 * ONEDNN_VERBOSE=1 (oneDNN prints every kernel it executes with its time), and the kernels of the
 * timed steps are summed by kind. A kernel time above the wall time means kernels ran at the same
 * time (a graph executor runs independent ops concurrently); eager tfjs-node runs one op at a
 * time. Time outside oneDNN is the other ops (Eigen's element-wise ops, casts, the update).
 * Verbose output slows every side a little; the figures are for comparing them.
 * Usage: npx tsx bench/kernel-overlap.ts [steps]
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { venvPython } from '../pipeline/native/python-tensorflow.js';
import { runForJson } from './run-for-json.js';

const STEPS = Number(process.argv[2] ?? 40);

if (process.argv[3] === '--child') {
  const { oursSeedCnn, oursSeedCnnGraph } = await import('./ours-seed-cnn.js');
  const engine = process.argv[4] ?? 'eager';
  const ours = engine === 'eager' ? await oursSeedCnn(STEPS) : await oursSeedCnnGraph(STEPS, engine as 'fp32' | 'bf16');
  console.log('=== MARK');
  const samplesPerSecond = await ours.round(0);
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
  const ours = (engine: string) => runForJson<Rate>(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(STEPS), '--child', engine], env);
  const python = venvPython();
  const keras = (policy: string) =>
    existsSync(python)
      ? runForJson<Rate>(python, [fileURLToPath(new URL('./keras_seed_cnn.py', import.meta.url)), '--steps', String(STEPS), '--warmup', '20', '--mark', '--policy', policy], env)
      : `no Keras: ${python} is missing`;
  console.log(`kernel-overlap (seed CNN, batch 32, ${STEPS} timed steps each, ONEDNN_VERBOSE=1)`);
  const runs = [
    ['ours eager', ours('eager')],
    ['ours graph fp32', ours('fp32')],
    ['ours graph bf16', ours('bf16')],
    ['keras float32', keras('float32')],
    ['keras mixed_bfloat16', keras('mixed_bfloat16')],
  ] as const;
  for (const [name, run] of runs) {
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
