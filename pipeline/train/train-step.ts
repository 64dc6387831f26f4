import * as tf from '@tensorflow/tfjs-node';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';

/**
 * One optimizer step on a batch. Returns the batch loss and the number of correct predictions,
 * read from the same forward pass the gradients come from (no second pass for the progress bar).
 */
export function trainStep(model: tf.LayersModel, optimizer: tf.Optimizer, x: tf.Tensor4D, y: tf.Tensor1D): { loss: number; correct: number } {
  let correct: tf.Tensor | undefined;
  const loss = optimizer.minimize(() => {
    const probs = model.apply(x, { training: true }) as tf.Tensor2D;
    // Kept past the gradient tape's tidy; disposed below.
    correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(probs, 1), y), 'int32')));
    return sparseCategoricalCrossentropy(y, probs);
  }, true);
  const result = { loss: loss!.dataSync()[0]!, correct: correct!.dataSync()[0]! };
  loss!.dispose();
  correct!.dispose();
  return result;
}
