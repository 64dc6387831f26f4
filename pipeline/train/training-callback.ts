import type { EpochLog } from '../../core/types.js';
import type { BatchProgress } from './progress-bar.js';

/**
 * What fit calls while it trains, as Keras' callbacks: after every batch, after every epoch (its
 * validation done), and between batches to ask whether to stop. Checkpoints, the progress bar and
 * Ctrl-C are each one of these (train-model.ts puts them together).
 */
export interface TrainingCallback {
  onBatchEnd?: (progress: BatchProgress) => void;
  /** After each epoch's validation; `history` holds every epoch so far, this one last. */
  onEpochEnd?: (log: EpochLog, history: EpochLog[]) => Promise<void> | void;
  /** Asked before every batch; true stops training after the batch in progress. */
  stopTraining?: () => boolean;
}
