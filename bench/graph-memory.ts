/**
 * Memory of the graph training engine over epochs and over engines (issue 22: no tensor or session
 * leaks). Trains the shop CNN (augmented, dropout) with the graph engine on the first 4,096 real
 * Fashion-MNIST training images for 8 epochs and prints, after each epoch, the process' resident
 * memory and tfjs' tensor count; then builds and disposes 10 more graph engines (LeNet-5, each
 * with its own session) and prints the memory after each. Flat lines mean no leak.
 * Usage: npx tsx bench/graph-memory.ts [epochs] [engines]
 */
import * as tf from '@tensorflow/tfjs-node';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../pipeline/data/standardization.js';
import { takeFirst } from '../pipeline/data/take-first.js';
import { fit } from '../pipeline/train/fit.js';
import { graphEngine } from '../pipeline/train/step-engine.js';
import { SHOP_PLANS } from '../pipeline/train/training-plans.js';
import type { TrainingPrecision } from '../core/types.js';

const EPOCHS = Number(process.argv[2] ?? 8);
const ENGINES = Number(process.argv[3] ?? 10);
const PRECISION: TrainingPrecision = 'bf16';
const mib = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);

const full = await loadFashionMnist({});
const data = { ...full, train: takeFirst(full.train, 4096), validation: takeFirst(full.validation, 512) };
const std = computeStandardization(data.train);
const plan = SHOP_PLANS.cnn;
const model = plan.build(std, 42);
const optimizer = plan.makeOptimizer();
const engine = await graphEngine(model, optimizer, plan.loss, PRECISION);
console.log(`graph-memory (shop CNN, graph engine ${PRECISION}, ${data.train.count} real training images, ${EPOCHS} epochs)`);
console.log(`  before training: RSS ${mib()} MiB, ${tf.memory().numTensors} tensors`);
await fit(model, optimizer, data.train, data.validation, {
  epochs: EPOCHS,
  batchSize: 32,
  seed: 42,
  engine,
  augmentation: plan.augmentation,
  callbacks: [{ onEpochEnd: (log) => console.log(`  after epoch ${log.epoch}: RSS ${mib()} MiB, ${tf.memory().numTensors} tensors`) }],
});
engine.dispose();
for (let i = 1; i <= ENGINES; i++) {
  const lenet = SHOP_PLANS.lenet5.build(std, i);
  const nadam = SHOP_PLANS.lenet5.makeOptimizer();
  const e = await graphEngine(lenet, nadam, 'cross-entropy', PRECISION);
  await e.step(new Float32Array(32 * 784), new Int32Array(32), 32);
  e.sync();
  e.dispose();
  lenet.dispose();
  nadam.dispose();
  if (i % 2 === 0) console.log(`  after ${i} more engines built and disposed: RSS ${mib()} MiB, ${tf.memory().numTensors} tensors`);
}
