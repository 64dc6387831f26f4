import * as tf from '@tensorflow/tfjs-node';
import type { BatchLoss } from './batch-loss.js';

/** The two parts of a step, for a profiler that wants to tell them apart (bench/step-profile.ts). */
export type StepPhase = 'forward-backward' | 'optimizer';

/**
 * One optimizer step on a batch. Returns the batch loss and the number of correct predictions,
 * read from the same forward pass the gradients come from (no second pass for the progress bar).
 * The same work as `optimizer.minimize` (its computeGradients, then applyGradients), written out
 * so `onPhase` can be told where the forward and backward pass ends and the update begins.
 */
export function trainStep(lossOf: BatchLoss, optimizer: tf.Optimizer, x: tf.Tensor4D, y: tf.Tensor1D, onPhase?: (phase: StepPhase) => void): { loss: number; correct: number } {
  let correct: tf.Tensor | undefined;
  onPhase?.('forward-backward');
  const { value: loss, grads } = optimizer.computeGradients(() => {
    const { loss, probs } = lossOf(x, y);
    // Kept past the gradient tape's tidy; disposed below.
    correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), y), 'int32')));
    return loss;
  });
  onPhase?.('optimizer');
  optimizer.applyGradients(grads);
  tf.dispose(grads);
  onPhase?.('forward-backward');
  const result = { loss: loss.dataSync()[0]!, correct: correct!.dataSync()[0]! };
  loss.dispose();
  correct!.dispose();
  return result;
}
