import * as tf from '@tensorflow/tfjs-node';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../pipeline/data/standardization.js';
import { buildCnn } from '../pipeline/models/build-cnn.js';
import { batchLoss } from '../pipeline/train/batch-loss.js';
import { gatherBatch, makeBatch } from '../pipeline/train/make-batch.js';
import { Nadam } from '../pipeline/train/nadam.js';
import { registerNativeReluGradient } from '../pipeline/train/native-relu-gradient.js';
import { trainStep } from '../pipeline/train/train-step.js';
import { graphEngine } from '../pipeline/train/step-engine.js';
import type { TrainingPrecision } from '../core/types.js';
import { profileSteps, type StepProfile } from './step-profile.js';

/** Steps run before any timing (tf.js and TensorFlow warm up their kernels and memory). */
export const WARMUP = 20;
/** The seed's batch size. */
export const BATCH = 32;

/** Fashion-MNIST's training images, loaded once for every runner of this process. */
let trainingImages: ReturnType<typeof loadTrain> | undefined;
const loadTrain = async () => (await loadFashionMnist({})).train;
const training = () => (trainingImages ??= loadTrain());

/**
 * Our side of the training benches: the seed CNN trained by the pipeline's own code (makeBatch,
 * batchLoss, trainStep, our Nadam) on real Fashion-MNIST. Builds the model once and warms it up;
 * returns a function that times one round of `roundSteps` steps (samples/s), and one that profiles
 * `steps` steps (bench/step-profile.ts).
 */
export async function oursSeedCnn(roundSteps: number): Promise<{ round: (round: number) => number; profile: (steps: number) => StepProfile }> {
  registerNativeReluGradient();
  const train = await training();
  const model = buildCnn({ standardization: computeStandardization(train), seed: 42 });
  const optimizer = new Nadam();
  const lossOf = batchLoss('cross-entropy', model);
  const run = (from: number, to: number) => {
    for (let s = from; s < to; s++) {
      const { x, y } = makeBatch(train.images, train.labels, undefined, s * BATCH, (s + 1) * BATCH);
      trainStep(lossOf, optimizer, x, y);
      tf.dispose([x, y]);
    }
  };
  run(0, WARMUP);
  const batches = Math.floor(train.count / BATCH);
  const round = (round: number) => {
    const from = (WARMUP + round * roundSteps) % (batches - roundSteps);
    const t0 = performance.now();
    run(from, from + roundSteps);
    return (roundSteps * BATCH) / ((performance.now() - t0) / 1000);
  };
  // The pipeline's own step, told where each phase starts.
  const profile = (steps: number) =>
    profileSteps(steps, (i, phase) => {
      phase('feed');
      const { x, y } = makeBatch(train.images, train.labels, undefined, i * BATCH, (i + 1) * BATCH);
      trainStep(lossOf, optimizer, x, y, phase);
      tf.dispose([x, y]);
    });
  return { round, profile };
}

/**
 * The same seed CNN and batches trained by the graph engine (pipeline/train/graph) in `precision`:
 * built and warmed up once; returns a function that times one round of `roundSteps` steps (samples/s).
 */
export async function oursSeedCnnGraph(roundSteps: number, precision: TrainingPrecision): Promise<{ round: (round: number) => Promise<number> }> {
  const train = await training();
  const model = buildCnn({ standardization: computeStandardization(train), seed: 42 });
  const engine = await graphEngine(model, new Nadam(), 'cross-entropy', precision);
  // As fit does: the next batch is gathered while the step runs.
  const run = async (from: number, to: number) => {
    const batchAt = (s: number) => gatherBatch(train.images, train.labels, undefined, s * BATCH, (s + 1) * BATCH);
    let next = batchAt(from);
    for (let s = from; s < to; s++) {
      const pending = engine.step(next.xs, next.ys, next.count);
      next = batchAt(s + 1);
      await pending;
    }
  };
  await run(0, WARMUP);
  const batches = Math.floor(train.count / BATCH);
  return {
    round: async (round: number) => {
      const from = (WARMUP + round * roundSteps) % (batches - roundSteps - 1);
      const t0 = performance.now();
      await run(from, from + roundSteps);
      return (roundSteps * BATCH) / ((performance.now() - t0) / 1000);
    },
  };
}
