import * as tf from '@tensorflow/tfjs-node';
import type { EpochLog, TrainingLoss } from '../../core/types.js';
import type { ImageSet } from '../data/fashion-mnist.js';
import { predictAll } from '../shared/predict-all.js';
import { scorePredictions } from '../shared/score-predictions.js';
import { mulberry32, augmentationSeed, epochSeed } from '../shared/seeded-random.js';
import { gatherBatch } from './make-batch.js';
import { augmentBatch } from '../augment/augment-batch.js';
import type { AugmentationPolicy } from '../augment/augmentation-policy.js';
import { shuffledIndices } from './shuffled-indices.js';
import { eagerEngine, type StepEngine } from './step-engine.js';
import type { TrainingCallback } from './training-callback.js';
import { withSeededMathRandom } from './with-seeded-math-random.js';

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Seeds shuffling (per epoch) and dropout masks. */
  seed: number;
  /** Epochs already done (resuming from a checkpoint). */
  history?: EpochLog[];
  /** Learning rate for each epoch (0-based), set on the optimizer before the epoch starts. */
  learningRateAt?: (epoch: number) => number;
  /** The training criterion (default: cross-entropy). Validation always scores the probabilities with cross-entropy. */
  loss?: TrainingLoss;
  /** What runs each step (default: tfjs' eager ops on `model` and `optimizer`); synced before each validation. */
  engine?: StepEngine;
  /** Training augmentation, drawn per image from the epoch's own seeded stream; absent: the images as they are. */
  augmentation?: AugmentationPolicy;
  /** Called after every batch and epoch, and asked whether to stop (checkpoints, progress, Ctrl-C). */
  callbacks?: TrainingCallback[];
}

export interface FitResult {
  history: EpochLog[];
  /** True when a callback stopped training early. */
  stopped: boolean;
}

/** What one epoch's batches added up to. */
interface EpochTotals {
  lossSum: number;
  correct: number;
  seen: number;
}

/**
 * The training loop: epochs of shuffled mini-batches, validation after each. Every epoch is a pure
 * function of (weights, optimizer state, seed, epoch), so a run resumed from an epoch checkpoint
 * ends where the uninterrupted run would.
 */
export async function fit(model: tf.LayersModel, optimizer: tf.Optimizer, train: ImageSet, validation: ImageSet, opts: FitOptions): Promise<FitResult> {
  const history = [...(opts.history ?? [])];
  const callbacks = opts.callbacks ?? [];
  const engine = opts.engine ?? eagerEngine(model, optimizer, opts.loss ?? 'cross-entropy');
  for (let epoch = history.length; epoch < opts.epochs; epoch++) {
    if (opts.learningRateAt) (optimizer as unknown as { learningRate: number }).learningRate = opts.learningRateAt(epoch);
    const started = performance.now();
    const totals = await withSeededMathRandom(epochSeed(opts.seed, epoch), () => runEpoch(engine, train, epoch, opts, callbacks));
    if (totals === 'stopped') return { history, stopped: true };
    engine.sync();
    const seconds = (performance.now() - started) / 1000;
    const val = scorePredictions(predictAll(model, validation.images, validation.count), validation.labels);
    const log: EpochLog = { epoch: epoch + 1, loss: totals.lossSum / totals.seen, accuracy: totals.correct / totals.seen, valLoss: val.loss, valAccuracy: val.accuracy, seconds };
    history.push(log);
    for (const callback of callbacks) await callback.onEpochEnd?.(log, history);
  }
  return { history, stopped: false };
}

/** One epoch's batches, in the epoch's seeded order and with its seeded augmentation; 'stopped' when a callback asks. */
async function runEpoch(engine: StepEngine, train: ImageSet, epoch: number, opts: FitOptions, callbacks: TrainingCallback[]): Promise<EpochTotals | 'stopped'> {
  const batches = Math.ceil(train.count / opts.batchSize);
  const order = shuffledIndices(train.count, opts.seed, epoch);
  const augmentRandom = mulberry32(augmentationSeed(opts.seed, epoch));
  const policy = opts.augmentation;
  const augment = policy ? (images: Float32Array, count: number) => augmentBatch(images, count, policy, augmentRandom) : undefined;
  const remainingEpochs = opts.epochs - epoch;
  const started = performance.now();
  const totals: EpochTotals = { lossSum: 0, correct: 0, seen: 0 };
  const batchAt = (b: number) => gatherBatch(train.images, train.labels, order, b * opts.batchSize, Math.min(train.count, (b + 1) * opts.batchSize), augment);
  let next = batchAt(0);
  for (let b = 0; b < batches; b++) {
    if (callbacks.some((c) => c.stopTraining?.())) return 'stopped';
    const { xs, ys, count } = next;
    const pending = engine.step(xs, ys, count);
    // The next batch is gathered and augmented while this step runs (on the graph engine's worker thread).
    if (b + 1 < batches) next = batchAt(b + 1);
    const step = await pending;
    totals.lossSum += step.loss * count;
    totals.correct += step.correct;
    totals.seen += count;
    const elapsed = (performance.now() - started) / 1000;
    const perBatch = elapsed / (b + 1);
    const etaSeconds = perBatch * (batches - b - 1) + perBatch * batches * (remainingEpochs - 1);
    const progress = { epoch: epoch + 1, epochs: opts.epochs, batch: b + 1, batches, samplesPerSecond: totals.seen / elapsed, loss: totals.lossSum / totals.seen, accuracy: totals.correct / totals.seen, etaSeconds };
    for (const callback of callbacks) callback.onBatchEnd?.(progress);
    // Let a stop request in: tfjs-node's eager ops are synchronous and would starve the event loop. Every
    // batch, so a Ctrl-C stops training after the batch in progress (a few ms to ~0.2 s here).
    await new Promise((r) => setImmediate(r));
  }
  return totals;
}
