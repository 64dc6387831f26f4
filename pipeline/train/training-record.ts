import type { EpochLog, TrainingEngine, TrainingPrecision, TrainingRecord } from '../../core/types.js';
import type { TrainingPlan } from './training-plans.js';

/** What a run of a plan was given besides the plan (flags may override its epochs and batch size). */
export interface TrainingRun {
  epochs: number;
  batchSize: number;
  seed: number;
  /** tfjs backend, e.g. 'tensorflow'. */
  backend: string;
  /** How the steps ran, as trainModel resolved it. */
  engine: TrainingEngine;
  precision: TrainingPrecision;
  tensorflowVersion: string;
  trainCount: number;
  /** SHA-256 of each decompressed dataset file, by file name. */
  datasetSha256: Record<string, string>;
}

/** metadata.json's `training`: how `plan` trained, in `run`, to `history`. Pure. */
export function trainingRecord(plan: TrainingPlan, run: TrainingRun, history: EpochLog[]): TrainingRecord {
  const seconds = history.reduce((s, h) => s + h.seconds, 0);
  return {
    epochs: run.epochs,
    batchSize: run.batchSize,
    optimizer: plan.optimizerConfig,
    loss: plan.loss,
    recipe: plan.recipe,
    ...(plan.augmentation ? { augmentation: { ...plan.augmentation } } : {}),
    notes: plan.notes,
    seed: run.seed,
    backend: run.backend,
    engine: run.engine,
    precision: run.precision,
    tensorflowVersion: run.tensorflowVersion,
    seconds,
    samplesPerSecond: (run.trainCount * history.length) / seconds,
    history,
    datasetSha256: run.datasetSha256,
  };
}
