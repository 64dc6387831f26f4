import * as tf from '@tensorflow/tfjs-node';
import { join } from 'node:path';
import { CLASS_NAMES } from '../../core/model-contract.js';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelMetadata } from '../../core/types.js';
import type { FashionMnist } from '../data/fashion-mnist.js';
import type { Standardization } from '../data/standardization.js';
import { choosePredictionMode } from '../eval/choose-prediction-mode.js';
import { predictAll } from '../eval/predict-all.js';
import { scorePredictions } from '../eval/score-predictions.js';
import { gitCommit } from '../export/git-commit.js';
import type { ModelFolder } from '../export/model-folder-io.js';
import { modelToFiles } from '../export/model-to-files.js';
import { removeDirAtomically } from '../export/remove-dir-atomically.js';
import { countModelParams, formatModelSummary } from '../models/model-summary.js';
import { loadCheckpoint, saveCheckpoint, type RunIdentity } from './checkpoint.js';
import { fit } from './fit.js';
import { formatClockTime } from './format-clock-time.js';
import { formatFirstPredictions } from './format-first-predictions.js';
import { ProgressBar } from './progress-bar.js';
import type { TrainingPlan } from './training-plans.js';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  /** Checkpoints go to <checkpointDir>/<plan name>/. */
  checkpointDir: string;
  resume: boolean;
  tensorflowVersion: string;
  shouldStop: () => boolean;
  log: (line: string) => void;
}

/**
 * Trains one model per its plan, picks its prediction mode on the validation set (shop recipe),
 * evaluates it on the test set, and returns it as an in-memory model folder: tfjs-node's float32
 * files and the metadata (weights.dtype float32, test figures on `data.test`). Nothing is
 * written but the epoch checkpoints; the pipeline quantizes, checks and writes the folder.
 */
export async function trainModel(plan: TrainingPlan, data: FashionMnist, standardization: Standardization, opts: TrainOptions): Promise<ModelFolder | 'stopped'> {
  const model = plan.build(standardization, opts.seed);
  const optimizer = plan.makeOptimizer();
  opts.log(`\n== ${plan.displayName} (${plan.name}) ==\n${formatModelSummary(model)}`);
  const identity: RunIdentity = { planName: plan.name, epochs: opts.epochs, batchSize: opts.batchSize, seed: opts.seed, trainCount: data.train.count };
  const checkpoint = join(opts.checkpointDir, plan.name);
  let history = opts.resume ? await loadCheckpoint(checkpoint, identity, model, optimizer) : undefined;
  if (!opts.resume) removeDirAtomically(checkpoint);
  if (history) opts.log(`Resuming ${plan.name} after epoch ${history.length} from ${checkpoint}`);
  opts.log(`Training on ${data.train.count.toLocaleString('en-US')} images, validating on ${data.validation.count.toLocaleString('en-US')}: ${opts.epochs} epochs, batch ${opts.batchSize}, ${plan.optimizerConfig.name}, seed ${opts.seed}, backend ${tf.getBackend()}`);

  const bar = new ProgressBar();
  let peakRss = process.memoryUsage().rss;
  const result = await fit(model, optimizer, data.train, data.validation, {
    epochs: opts.epochs,
    batchSize: opts.batchSize,
    seed: opts.seed,
    history,
    learningRateAt: plan.learningRateAt,
    augmentation: plan.augmentation,
    loss: plan.loss,
    shouldStop: opts.shouldStop,
    onBatch: (p) => {
      bar.update(p);
      if (p.batch % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
    onEpochEnd: async (log, all) => {
      await saveCheckpoint(checkpoint, identity, model, optimizer, all);
      bar.epochDone(
        `epoch ${log.epoch}/${opts.epochs}  loss ${log.loss.toFixed(4)}  acc ${log.accuracy.toFixed(4)}  ` +
          `val_loss ${log.valLoss.toFixed(4)}  val_acc ${log.valAccuracy.toFixed(4)}  ${formatClockTime(log.seconds)}  ` +
          `${Math.round(data.train.count / log.seconds).toLocaleString('en-US')} samples/s  tensors ${tf.memory().numTensors}`,
      );
    },
  });
  if (result.stopped) return 'stopped';
  history = result.history;

  // The seed recipe predicts the image alone, as the notebook; the shop recipe picks its mode on the validation set.
  const prediction = plan.recipe === 'shop' ? choosePredictionMode(model, data.validation) : { mirrorAverage: false, why: 'The seed recipe predicts each image alone, as the notebook does.' };
  opts.log(`Prediction mode: ${prediction.mirrorAverage ? 'mirror-averaged' : 'image alone'}. ${prediction.why}`);
  const probs = predictAll(model, data.test.images, data.test.count, predictOptionsOf({ prediction }));
  const test = scorePredictions(probs, data.test.labels);
  const seconds = history.reduce((s, h) => s + h.seconds, 0);
  opts.log(`Test accuracy ${(test.accuracy * 100).toFixed(2)}%, test loss ${test.loss.toFixed(4)} on ${data.test.count.toLocaleString('en-US')} images`);
  opts.log(formatFirstPredictions(probs, data.test.labels));
  opts.log(`Training took ${formatClockTime(seconds)} (${(seconds / history.length).toFixed(1)} s/epoch); peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);

  const trainable = countModelParams(model).trainable;
  const metadata: ModelMetadata = {
    schemaVersion: 1,
    id: plan.id,
    displayName: plan.displayName,
    classNames: [...CLASS_NAMES],
    input: { shape: [28, 28, 1], range: [0, 255], polarity: 'light-on-dark', standardization: 'baked-in' },
    trainableParams: trainable,
    metrics: {
      testAccuracy: test.accuracy,
      testLoss: test.loss,
      validationAccuracy: history[history.length - 1]!.valAccuracy,
      perClassAccuracy: test.perClassAccuracy,
      confusionMatrix: test.confusion,
    },
    training: {
      epochs: opts.epochs,
      batchSize: opts.batchSize,
      optimizer: plan.optimizerConfig,
      loss: plan.loss,
      recipe: plan.recipe,
      ...(plan.augmentation ? { augmentation: { ...plan.augmentation } } : {}),
      notes: plan.notes,
      seed: opts.seed,
      backend: tf.getBackend(),
      tensorflowVersion: opts.tensorflowVersion,
      seconds,
      samplesPerSecond: (data.train.count * history.length) / seconds,
      history,
      datasetSha256: data.sha256,
    },
    prediction,
    weights: { dtype: 'float32' },
    createdAt: new Date().toISOString(),
    gitCommit: gitCommit(),
  };
  const files = await modelToFiles(model);
  model.dispose();
  optimizer.dispose();
  return { files, metadata };
}
