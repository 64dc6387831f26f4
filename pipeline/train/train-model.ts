import * as tf from '@tensorflow/tfjs-node';
import { join } from 'node:path';
import type { EpochLog, TrainingEngine, TrainingPrecision } from '../../core/types.js';
import type { FashionMnist } from '../data/fashion-mnist.js';
import type { Standardization } from '../data/standardization.js';
import { formatModelSummary } from '../models/model-summary.js';
import { removeDirAtomically } from '../shared/remove-dir-atomically.js';
import { checkpointCallback, loadCheckpoint, type RunIdentity } from './checkpoint.js';
import { fit } from './fit.js';
import { formatClockTime } from './format-clock-time.js';
import { progressCallback } from './progress-callback.js';
import { startEngine, type EngineRequest } from './start-engine.js';
import type { TrainingPlan } from './training-plans.js';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  /** Checkpoints go to <checkpointDir>/<plan name>/. */
  checkpointDir: string;
  resume: boolean;
  /** --engine and --precision (absent: the defaults). */
  engine?: EngineRequest;
  shouldStop: () => boolean;
  log: (line: string) => void;
}

/** A trained model and its history, epoch by epoch (the epochs a resumed run did before included). */
export interface TrainedModel {
  model: tf.LayersModel;
  history: EpochLog[];
  /** How its steps ran. */
  engine: TrainingEngine;
  precision: TrainingPrecision;
}

/**
 * Builds the model of `plan` and trains it with the step engine asked for (start-engine.ts) (fit, with three callbacks: an epoch checkpoint, the
 * progress bar, and the stop request), resuming from the plan's checkpoint with `resume`. Returns
 * the trained model (the caller disposes it) and its history, or 'stopped'.
 */
export async function trainModel(plan: TrainingPlan, data: FashionMnist, standardization: Standardization, opts: TrainOptions): Promise<TrainedModel | 'stopped'> {
  const model = plan.build(standardization, opts.seed);
  const optimizer = plan.makeOptimizer();
  opts.log(`\n== ${plan.displayName} (${plan.name}) ==\n${formatModelSummary(model)}`);
  const identity: RunIdentity = { planName: plan.name, epochs: opts.epochs, batchSize: opts.batchSize, seed: opts.seed, trainCount: data.train.count };
  const checkpoint = join(opts.checkpointDir, plan.name);
  const history = opts.resume ? await loadCheckpoint(checkpoint, identity, model, optimizer) : undefined;
  if (!opts.resume) removeDirAtomically(checkpoint);
  if (history) opts.log(`Resuming ${plan.name} after epoch ${history.length} from ${checkpoint}`);
  opts.log(`Training on ${data.train.count.toLocaleString('en-US')} images, validating on ${data.validation.count.toLocaleString('en-US')}: ${opts.epochs} epochs, batch ${opts.batchSize}, ${plan.optimizerConfig.name}, seed ${opts.seed}, backend ${tf.getBackend()}`);
  const engine = await startEngine(opts.engine ?? {}, model, optimizer, plan.loss, opts.log);
  const progress = progressCallback(data.train.count, opts.epochs);
  const result = await fit(model, optimizer, data.train, data.validation, {
    epochs: opts.epochs,
    batchSize: opts.batchSize,
    seed: opts.seed,
    history,
    learningRateAt: plan.learningRateAt,
    augmentation: plan.augmentation,
    loss: plan.loss,
    engine,
    callbacks: [checkpointCallback(checkpoint, identity, model, optimizer), progress, { stopTraining: opts.shouldStop }],
  });
  engine.dispose();
  optimizer.dispose();
  if (result.stopped) {
    model.dispose();
    return 'stopped';
  }
  const seconds = result.history.reduce((s, h) => s + h.seconds, 0);
  opts.log(`Training took ${formatClockTime(seconds)} (${(seconds / result.history.length).toFixed(1)} s/epoch); peak RSS ${(progress.peakRss() / 2 ** 20).toFixed(0)} MiB`);
  return { model, history: result.history, engine: engine.engine, precision: engine.precision };
}
