/**
 * Does the shop recipe's augmentation stall training? Training samples/s of each shipped model
 * with and without it (the same code path as fit: shuffled batches through makeBatch, one
 * optimizer step each), in alternating rounds so drift on a shared machine hits both alike.
 * Prints each round's ratio (with / without), their median and spread, and the augmentation's
 * own cost per image. The bar: median ratio >= 0.95.
 * Usage: npx tsx bench/augmentation-throughput.ts [steps per round] [rounds] [models, e.g. cnn,lenet5]
 */
import * as tf from '@tensorflow/tfjs-node';
import type { ModelId } from '../core/types.js';
import { augmentBatch } from '../pipeline/augment/augment-batch.js';
import { SHOP_AUGMENTATION } from '../pipeline/augment/augmentation-policy.js';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../pipeline/data/standardization.js';
import { batchLoss } from '../pipeline/train/batch-loss.js';
import { makeBatch } from '../pipeline/train/make-batch.js';
import { registerNativeReluGradient } from '../pipeline/train/native-relu-gradient.js';
import { mulberry32 } from '../pipeline/shared/seeded-random.js';
import { shuffledIndices } from '../pipeline/train/shuffled-indices.js';
import { trainStep } from '../pipeline/train/train-step.js';
import { SHOP_PLANS } from '../pipeline/train/training-plans.js';

const STEPS = Number(process.argv[2] ?? 60);
const ROUNDS = Number(process.argv[3] ?? 5);
const MODELS = (process.argv[4] ?? 'lenet5,cnn').split(',') as ModelId[];
const BATCH = 32;

registerNativeReluGradient();
const data = await loadFashionMnist({});
const standardization = computeStandardization(data.train);
const order = shuffledIndices(data.train.count, 42, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The augmentation alone, per image (what it adds to every training step).
{
  const random = mulberry32(1);
  const images = Float32Array.from(data.train.images.subarray(0, 5000 * 784));
  augmentBatch(images.slice(), 5000, SHOP_AUGMENTATION, random);
  const t0 = performance.now();
  augmentBatch(images, 5000, SHOP_AUGMENTATION, random);
  const us = ((performance.now() - t0) * 1000) / 5000;
  console.log(`augmentation alone: ${us.toFixed(1)} us per image, ${((us * BATCH) / 1000).toFixed(2)} ms per batch of ${BATCH} (pure JS, on the main thread)`);
}

for (const id of MODELS) {
  const plan = SHOP_PLANS[id];
  const model = plan.build(standardization, 42);
  const optimizer = plan.makeOptimizer();
  const lossOf = batchLoss(plan.loss, model);
  const random = mulberry32(7);
  const augment = (images: Float32Array, count: number) => augmentBatch(images, count, SHOP_AUGMENTATION, random);
  let step = 0;
  /** Trains `steps` batches, with or without augmentation; returns samples/s. */
  const run = (steps: number, augmented: boolean) => {
    const t0 = performance.now();
    for (let s = 0; s < steps; s++, step++) {
      const start = (step * BATCH) % (data.train.count - BATCH);
      const { x, y } = makeBatch(data.train.images, data.train.labels, order, start, start + BATCH, augmented ? augment : undefined);
      trainStep(lossOf, optimizer, x, y);
      tf.dispose([x, y]);
    }
    return (steps * BATCH) / ((performance.now() - t0) / 1000);
  };
  run(10, false);
  run(10, true);
  const ratios: number[] = [];
  const rates = { with: [] as number[], without: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always follows the other.
    const first = round % 2 === 0;
    const a = run(STEPS, first);
    const b = run(STEPS, !first);
    const [withAug, without] = first ? [a, b] : [b, a];
    rates.with.push(withAug);
    rates.without.push(without);
    ratios.push(withAug / without);
  }
  console.log(`${id} (${plan.name}, batch ${BATCH}, ${ROUNDS} alternating rounds of ${STEPS} steps, ${tf.getBackend()} backend)`);
  console.log(`  without augmentation: median ${median(rates.without).toFixed(0)} samples/s`);
  console.log(`  with augmentation:    median ${median(rates.with).toFixed(0)} samples/s`);
  console.log(`  ratio with/without per round: ${ratios.map((r) => r.toFixed(3)).join(' ')}; median ${median(ratios).toFixed(3)}, spread ${(Math.max(...ratios) - Math.min(...ratios)).toFixed(3)} (bar: >= 0.95)`);
  model.dispose();
  optimizer.dispose();
}
