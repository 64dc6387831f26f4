import * as tf from '@tensorflow/tfjs-node';
import { mulberry32 } from '../../../../pipeline/shared/seeded-random.js';

/** A plausible standardization (784 means and stds) without reading the dataset. */
export const STANDARDIZATION = {
  mean: Float32Array.from({ length: 784 }, (_, i) => 40 + (i % 28) * 2),
  std: Float32Array.from({ length: 784 }, (_, i) => 60 + (i % 5)),
};

/** Every weight's values, by name without the unique-name suffix tf.js adds to later models. */
export function weightValues(model: tf.LayersModel): Record<string, number[]> {
  return Object.fromEntries(model.weights.map((w) => [w.originalName, Array.from(w.read().dataSync())]));
}

/** Mean cross-entropy of the model's probabilities for integer labels y. */
function crossEntropy(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor1D, training: boolean): tf.Scalar {
  return tf.tidy(() => {
    const p = model.apply(x, { training }) as tf.Tensor2D;
    const picked = tf.sum(tf.mul(p, tf.oneHot(y, 10)), 1);
    return tf.neg(tf.mean(tf.log(tf.add(picked, 1e-7)))) as tf.Scalar;
  });
}

/**
 * Adam steps on one fixed batch. Returns the inference-mode loss before and after, and the
 * trainable weights that did not move (there should be none: gradients reach every layer).
 * Math.random is seeded meanwhile, so the dropout masks, and the result, are the same every run.
 */
export function trainBriefly(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor1D, steps: number): { before: number; after: number; untouched: string[] } {
  const optimizer = tf.train.adam(1e-3);
  const initial = weightValues(model);
  const before = crossEntropy(model, x, y, false);
  const random = Math.random;
  Math.random = mulberry32(1234);
  try {
    for (let i = 0; i < steps; i++) tf.dispose(optimizer.minimize(() => crossEntropy(model, x, y, true)) ?? []);
  } finally {
    Math.random = random;
  }
  const after = crossEntropy(model, x, y, false);
  const final = weightValues(model);
  const trainable = new Set(model.trainableWeights.map((w) => w.originalName));
  const untouched = Object.keys(initial).filter((name) => trainable.has(name) && initial[name]!.every((v, i) => v === final[name]![i]));
  const result = { before: before.dataSync()[0]!, after: after.dataSync()[0]!, untouched };
  tf.dispose([before, after]);
  optimizer.dispose();
  return result;
}
