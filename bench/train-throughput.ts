/**
 * Training throughput of the seed's CNN: our pipeline on tfjs-node vs the seed's own Keras code,
 * same model, batch size, data and number of steps. Rounds alternate (ours, Keras, ours, Keras,
 * ...) so drift on a shared machine hits both alike; each round's ratio is ours / Keras (> 1 means
 * we are faster), and the run prints every round, the median ratio and its spread (min-max).
 * Our model is built and warmed up once; each Keras round is a fresh process that warms up
 * before it times (its start-up is not counted). Then it profiles our training step (where the
 * time goes, native ops per step; bench/step-profile.ts) beside the op count of Keras' graph.
 * Usage: npx tsx bench/train-throughput.ts [steps per round] [rounds]
 */
import * as tf from '@tensorflow/tfjs-node';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { venvPython } from '../pipeline/native/python-tensorflow.js';
import { BATCH, oursSeedCnn, WARMUP } from './ours-seed-cnn.js';
import { runForJson } from './run-for-json.js';
import { formatStepProfile } from './step-profile.js';

const STEPS = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 5);

/** The ops of Keras' graph of one training step (bench/keras_seed_cnn.py --graph-ops), or undefined without Keras. */
function kerasGraphOps(): { computeOps: number; byType: Record<string, number> } | undefined {
  const python = venvPython();
  if (!existsSync(python)) return undefined;
  const script = fileURLToPath(new URL('./keras_seed_cnn.py', import.meta.url));
  const run = runForJson<{ computeOps: number; byType: Record<string, number> }>(python, [script, '--graph-ops', '--steps', '1', '--warmup', '1']);
  return typeof run === 'string' ? undefined : run.json;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function keras(): number | string {
  const python = venvPython();
  if (!existsSync(python)) return `no Keras: ${python} is missing (npm install creates it when it provides TensorFlow from PyPI)`;
  const script = fileURLToPath(new URL('./keras_seed_cnn.py', import.meta.url));
  const run = runForJson<{ samplesPerSecond: number }>(python, [script, '--steps', String(STEPS), '--warmup', String(WARMUP)]);
  return typeof run === 'string' ? `Keras run failed: ${run}` : run.json.samplesPerSecond;
}

const ours = await oursSeedCnn(STEPS);
console.log(`train-throughput (seed CNN, batch ${BATCH}, ${ROUNDS} alternating rounds of ${STEPS} steps after ${WARMUP} warm-up, ${tf.getBackend()} backend)`);
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const oursRate = ours.round(round);
  const kerasRate = keras();
  if (typeof kerasRate === 'string') {
    console.log(`  round ${round + 1}: ours ${oursRate.toFixed(0)} samples/s; keras: ${kerasRate}`);
    continue;
  }
  ratios.push(oursRate / kerasRate);
  console.log(`  round ${round + 1}: ours ${oursRate.toFixed(0)} samples/s, keras ${kerasRate.toFixed(0)} samples/s, ratio ${(oursRate / kerasRate).toFixed(2)}`);
}
if (ratios.length > 0) {
  console.log(`  ratio ours/keras: median ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}, ${ratios.length} rounds)`);
}
for (const line of formatStepProfile(ours.profile(30), kerasGraphOps())) console.log(line);
