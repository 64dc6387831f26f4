import * as tf from '@tensorflow/tfjs-node';
import { RbfOutput } from '../../core/layers/index.js';
import type { TrainingLoss } from '../../core/types.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';


/** One training forward pass on a batch: the loss to minimize and the predicted probabilities. */
export type BatchLoss = (x: tf.Tensor4D, labels: tf.Tensor1D) => { loss: tf.Scalar; probs: tf.Tensor2D };

/** The forward pass + loss of `name` for `model` (built once per model, used for every batch). */
export function batchLoss(name: TrainingLoss, model: tf.LayersModel): BatchLoss {
  if (name === 'cross-entropy') {
    return (x, labels) => {
      const probs = model.apply(x, { training: true }) as tf.Tensor2D;
      return { loss: sparseCategoricalCrossentropy(labels, probs), probs };
    };
  }
  const output = model.layers[model.layers.length - 1];
  if (!(output instanceof RbfOutput)) throw new Error(`The euclidean-rbf loss needs a model whose last layer is RbfOutput; ${model.name}'s is ${output?.getClassName() ?? 'missing'}.`);
  // The same layers (shared weights) up to F6, whose 84 outputs the RBF units compare with the codes.
  const features = tf.model({ inputs: model.inputs, outputs: output.input as tf.SymbolicTensor });
  return (x, labels) => {
    const distances = output.distances(features.apply(x, { training: true }) as tf.Tensor2D);
    // Eq. 8: the mean over the batch of the correct class's squared distance to its code.
    const loss = tf.mean(tf.sum(tf.mul(tf.oneHot(labels, distances.shape[1]), distances), 1)) as tf.Scalar;
    return { loss, probs: tf.softmax(tf.neg(distances)) };
  };
}
