/**
 * Training throughput of the seed's CNN: our pipeline on tfjs-node vs the seed's own Keras code,
 * same model, batch size, data and number of steps, in one run. Prints samples/s of each and the
 * ratio (ours / Keras; > 1 means we are faster). Usage: npx tsx bench/train-throughput.ts [steps]
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
const WARMUP = 20;
const BATCH = 32;

async function ours(): Promise<number> {
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
  const t0 = performance.now();
  run(WARMUP, WARMUP + STEPS);
  return (STEPS * BATCH) / ((performance.now() - t0) / 1000);
}

function keras(): number | string {
  const python = venvPython();
  if (!existsSync(python)) return `no Keras: ${python} is missing (npm install creates it when it provides TensorFlow from PyPI)`;
  const script = fileURLToPath(new URL('./keras_seed_cnn.py', import.meta.url));
  const run = spawnSync(python, [script, '--steps', String(STEPS), '--warmup', String(WARMUP)], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) return `Keras run failed: ${run.stderr.trim().split('\n').pop()}`;
  return (JSON.parse(line) as { samplesPerSecond: number }).samplesPerSecond;
}

const oursRate = await ours();
const kerasRate = keras();
console.log(`train-throughput (seed CNN, batch ${BATCH}, ${STEPS} steps after ${WARMUP} warm-up, ${tf.getBackend()} backend)`);
console.log(`  ours (tfjs-node): ${oursRate.toFixed(0)} samples/s`);
if (typeof kerasRate === 'string') console.log(`  keras:            ${kerasRate}`);
else {
  console.log(`  keras:            ${kerasRate.toFixed(0)} samples/s`);
  console.log(`  ratio ours/keras: ${(oursRate / kerasRate).toFixed(2)}`);
}
