import * as tf from '@tensorflow/tfjs-node';
import type { BatchLoss } from './batch-loss.js';

/**
 * One optimizer step on a batch. Returns the batch loss and the number of correct predictions,
 * read from the same forward pass the gradients come from (no second pass for the progress bar).
 */
export function trainStep(lossOf: BatchLoss, optimizer: tf.Optimizer, x: tf.Tensor4D, y: tf.Tensor1D): { loss: number; correct: number } {
  let correct: tf.Tensor | undefined;
  const loss = optimizer.minimize(() => {
    const { loss, probs } = lossOf(x, y);
    // Kept past the gradient tape's tidy; disposed below.
    correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), y), 'int32')));
    return loss;
  }, true);
  const result = { loss: loss!.dataSync()[0]!, correct: correct!.dataSync()[0]! };
  loss!.dispose();
  correct!.dispose();
  return result;
}
