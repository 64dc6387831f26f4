/** One epoch of training, as recorded in the history, the checkpoint and the metadata. */
export interface EpochLog {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean training loss over the epoch's batches (dropout active, as Keras reports it). */
  loss: number;
  /** Training accuracy over the epoch's batches. */
  accuracy: number;
  /** Validation loss on the held-out 5,000 images after the epoch. */
  valLoss: number;
  /** Validation accuracy after the epoch. */
  valAccuracy: number;
  /** Wall-clock seconds of the epoch's training steps (validation excluded). */
  seconds: number;
}
