import type { TrainingRecord } from '../../core/types.js';

/** Mean training seconds per epoch: from the per-epoch history, else total seconds over epochs. Pure. */
export function secondsPerEpoch(training: Pick<TrainingRecord, 'history' | 'seconds' | 'epochs'>): number {
  const { history } = training;
  return history.length ? history.reduce((s, h) => s + h.seconds, 0) / history.length : training.seconds / training.epochs;
}
