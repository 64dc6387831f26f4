/**
 * Training throughput of the seed's CNN: our pipeline on tfjs-node vs the seed's own Keras code,
 * same model, batch size, data and number of steps. Rounds alternate (ours, Keras, ours, Keras,
 * ...) so drift on a shared machine hits both alike; each round's ratio is ours / Keras (> 1 means
 * we are faster), and the run prints every round, the median ratio and its spread (min-max).
 * Our model is built and warmed up once; each Keras round is a fresh process that warms up
 * before it times (its start-up is not counted).
 * Usage: npx tsx bench/train-throughput.ts [steps per round] [rounds]
 */
import * as tf from '@tensorflow/tfjs-node';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../pipeline/data/standardization.js';
import { buildCnn } from '../pipeline/models/build-cnn.js';
import { venvPython } from '../pipeline/native/python-tensorflow.js';
import { batchLoss } from '../pipeline/train/batch-loss.js';
import { makeBatch } from '../pipeline/train/make-batch.js';
import { Nadam } from '../pipeline/train/nadam.js';
import { registerNativeReluGradient } from '../pipeline/train/native-relu-gradient.js';
import { trainStep } from '../pipeline/train/train-step.js';

const STEPS = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.argv[3] ?? 5);
const WARMUP = 20;
const BATCH = 32;

/** Builds our model once and warms it up; the returned function times one round of STEPS steps (samples/s). */
async function oursRounds(): Promise<(round: number) => number> {
  registerNativeReluGradient();
  const data = await loadFashionMnist({});
  const model = buildCnn({ standardization: computeStandardization(data.train), seed: 42 });
  const optimizer = new Nadam();
  const lossOf = batchLoss('cross-entropy', model);
  const run = (from: number, to: number) => {
    for (let s = from; s < to; s++) {
      const { x, y } = makeBatch(data.train.images, data.train.labels, undefined, s * BATCH, (s + 1) * BATCH);
      trainStep(lossOf, optimizer, x, y);
      tf.dispose([x, y]);
    }
  };
  run(0, WARMUP);
  const batches = Math.floor(data.train.count / BATCH);
  return (round) => {
    const from = (WARMUP + round * STEPS) % (batches - STEPS);
    const t0 = performance.now();
    run(from, from + STEPS);
    return (STEPS * BATCH) / ((performance.now() - t0) / 1000);
  };
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
  const run = spawnSync(python, [script, '--steps', String(STEPS), '--warmup', String(WARMUP)], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) return `Keras run failed: ${run.stderr.trim().split('\n').pop()}`;
  return (JSON.parse(line) as { samplesPerSecond: number }).samplesPerSecond;
}

const ours = await oursRounds();
console.log(`train-throughput (seed CNN, batch ${BATCH}, ${ROUNDS} alternating rounds of ${STEPS} steps after ${WARMUP} warm-up, ${tf.getBackend()} backend)`);
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const oursRate = ours(round);
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
