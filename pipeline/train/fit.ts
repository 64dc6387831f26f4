import * as tf from '@tensorflow/tfjs-node';
import type { TrainingLoss } from '../../core/types.js';
import type { ImageSet } from '../data/fashion-mnist.js';
import { predictAll } from '../eval/predict-all.js';
import { scorePredictions } from '../eval/score-predictions.js';
import { batchLoss } from './batch-loss.js';
import type { EpochLog } from '../../core/types.js';
import { makeBatch } from './make-batch.js';
import type { BatchProgress } from './progress-bar.js';
import { augmentBatch } from '../augment/augment-batch.js';
import type { AugmentationPolicy } from '../augment/augmentation-policy.js';
import { augmentationSeed, epochSeed, mulberry32 } from './seeded-random.js';
import { shuffledIndices } from './shuffled-indices.js';
import { trainStep } from './train-step.js';
import { withSeededMathRandom } from './with-seeded-math-random.js';

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Seeds shuffling (per epoch) and dropout masks. */
  seed: number;
  /** Epochs already done (resuming from a checkpoint). */
  history?: EpochLog[];
  onBatch?: (p: BatchProgress) => void;
  /** Called after each epoch's validation, e.g. to write a checkpoint. */
  onEpochEnd?: (log: EpochLog, history: EpochLog[]) => Promise<void>;
  /** Learning rate for each epoch (0-based), set on the optimizer before the epoch starts. */
  learningRateAt?: (epoch: number) => number;
  /** The training criterion (default: cross-entropy). Validation always scores the probabilities with cross-entropy. */
  loss?: TrainingLoss;
  /** Training augmentation, drawn per image from the epoch's own seeded stream; absent: the images as they are. */
  augmentation?: AugmentationPolicy;
  /** Polled between batches; true stops training (Ctrl-C). */
  shouldStop?: () => boolean;
}

export interface FitResult {
  history: EpochLog[];
  /** True when shouldStop ended training early. */
  stopped: boolean;
}

/**
 * The training loop: epochs of shuffled mini-batches, validation after each. Every epoch is a pure
 * function of (weights, optimizer state, seed, epoch), so a run resumed from an epoch checkpoint
 * ends where the uninterrupted run would.
 */
export async function fit(model: tf.LayersModel, optimizer: tf.Optimizer, train: ImageSet, validation: ImageSet, opts: FitOptions): Promise<FitResult> {
  const history = [...(opts.history ?? [])];
  const batches = Math.ceil(train.count / opts.batchSize);
  const remainingEpochs = () => opts.epochs - history.length;
  const lossOf = batchLoss(opts.loss ?? 'cross-entropy', model);
  for (let epoch = history.length; epoch < opts.epochs; epoch++) {
    if (opts.learningRateAt) (optimizer as unknown as { learningRate: number }).learningRate = opts.learningRateAt(epoch);
    const order = shuffledIndices(train.count, opts.seed, epoch);
    const augmentRandom = mulberry32(augmentationSeed(opts.seed, epoch));
    const policy = opts.augmentation;
    const augment = policy ? (images: Float32Array, count: number) => augmentBatch(images, count, policy, augmentRandom) : undefined;
    const started = performance.now();
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    const stopped = await withSeededMathRandom(epochSeed(opts.seed, epoch), async () => {
      for (let b = 0; b < batches; b++) {
        if (opts.shouldStop?.()) return true;
        const start = b * opts.batchSize;
        const end = Math.min(train.count, start + opts.batchSize);
        const { x, y } = makeBatch(train.images, train.labels, order, start, end, augment);
        const step = trainStep(lossOf, optimizer, x, y);
        x.dispose();
        y.dispose();
        lossSum += step.loss * (end - start);
        correct += step.correct;
        seen += end - start;
        const elapsed = (performance.now() - started) / 1000;
        const perBatch = elapsed / (b + 1);
        opts.onBatch?.({
          epoch: epoch + 1,
          epochs: opts.epochs,
          batch: b + 1,
          batches,
          samplesPerSecond: seen / elapsed,
          loss: lossSum / seen,
          accuracy: correct / seen,
          etaSeconds: perBatch * (batches - b - 1) + perBatch * batches * (remainingEpochs() - 1),
        });
        // Let a stop request in: tfjs-node ops are synchronous and would starve the event loop. Every
        // batch, so a Ctrl-C stops training after the batch in progress (a few ms to ~0.2 s here).
        await new Promise((r) => setImmediate(r));
      }
      return false;
    });
    if (stopped) return { history, stopped: true };
    const seconds = (performance.now() - started) / 1000;
    const val = scorePredictions(predictAll(model, validation.images, validation.count), validation.labels);
    const log: EpochLog = { epoch: epoch + 1, loss: lossSum / seen, accuracy: correct / seen, valLoss: val.loss, valAccuracy: val.accuracy, seconds };
    history.push(log);
    await opts.onEpochEnd?.(log, history);
  }
  return { history, stopped: false };
}
