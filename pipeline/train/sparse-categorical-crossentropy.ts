import * as tf from '@tensorflow/tfjs-node';

/** Keras' clip for probabilities before the log (backend.epsilon()). */
const EPSILON = 1e-7;

/** Mean sparse categorical cross-entropy of softmax `probs` [n,k] against integer `labels` [n], as Keras computes it. */
export function sparseCategoricalCrossentropy(labels: tf.Tensor1D, probs: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const clipped = tf.clipByValue(probs, EPSILON, 1 - EPSILON);
    const picked = tf.sum(tf.mul(tf.oneHot(labels, probs.shape[1]), tf.log(clipped)), 1);
    return tf.neg(tf.mean(picked)) as tf.Scalar;
  });
}
