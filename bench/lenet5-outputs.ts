/**
 * Training throughput of LeNet-5 with its two output layers, the shipped softmax (cross-entropy)
 * against the paper's RBF units (Euclidean loss), same data, batch size and optimizer, in one run.
 * Rounds alternate between the two so drift on a shared machine hits both alike. Prints samples/s,
 * the seconds one 55,000-image epoch takes at that rate, and the ratio (RBF / softmax).
 * Usage: npx tsx bench/lenet5-outputs.ts [steps per round] [rounds]
 */
import * as tf from '@tensorflow/tfjs-node';
import type { TrainingLoss } from '../core/types.js';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../pipeline/data/standardization.js';
import { wholeImageStandardization } from '../pipeline/data/whole-image-standardization.js';
import { buildLenet5 } from '../pipeline/models/build-lenet5.js';
import { batchLoss } from '../pipeline/train/batch-loss.js';
import { makeBatch } from '../pipeline/train/make-batch.js';
import { Nadam } from '../pipeline/train/nadam.js';
import { trainStep } from '../pipeline/train/train-step.js';

const STEPS = Number(process.argv[2] ?? 100);
const ROUNDS = Number(process.argv[3] ?? 5);
const BATCH = 32;

const data = await loadFashionMnist({});
const standardization = wholeImageStandardization(computeStandardization(data.train));

/** A model, its optimizer and its loss; `run` trains `steps` batches from `from` and returns the seconds taken. */
function trainer(loss: TrainingLoss) {
  const model = buildLenet5({ standardization, seed: 42, output: loss === 'euclidean-rbf' ? 'rbf' : 'softmax' });
  const optimizer = new Nadam();
  const lossOf = batchLoss(loss, model);
  return (from: number, steps: number) => {
    const t0 = performance.now();
    for (let s = from; s < from + steps; s++) {
      const start = (s * BATCH) % (data.train.count - BATCH);
      const { x, y } = makeBatch(data.train.images, data.train.labels, undefined, start, start + BATCH);
      trainStep(lossOf, optimizer, x, y);
      tf.dispose([x, y]);
    }
    return (performance.now() - t0) / 1000;
  };
}

const runs = { softmax: trainer('cross-entropy'), rbf: trainer('euclidean-rbf') };
const seconds = { softmax: 0, rbf: 0 };
runs.softmax(0, 20);
runs.rbf(0, 20);
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['softmax', 'rbf'] as const) seconds[name] += runs[name](20 + round * STEPS, STEPS);
}
const rate = (s: number) => (ROUNDS * STEPS * BATCH) / s;
console.log(`lenet5-outputs (batch ${BATCH}, ${ROUNDS} alternating rounds of ${STEPS} steps each, ${tf.getBackend()} backend)`);
for (const name of ['softmax', 'rbf'] as const) {
  console.log(`  ${name.padEnd(8)} ${rate(seconds[name]).toFixed(0)} samples/s, ${(data.train.count / rate(seconds[name])).toFixed(1)} s per ${data.train.count.toLocaleString('en-US')}-image epoch`);
}
console.log(`  ratio rbf/softmax: ${(rate(seconds.rbf) / rate(seconds.softmax)).toFixed(2)}`);
