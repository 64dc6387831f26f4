import * as tf from '@tensorflow/tfjs';

/**
 * Replaces every trainable weight of the model with its own values in a seeded random order (each
 * tensor keeps its shape and its values; what training learned is gone; the baked-in
 * standardization, not trained, stays). For the check that an explanation depends on the model
 * (Adebayo et al. 2018's randomisation test).
 */
export function shuffleWeights(model: tf.LayersModel, random: () => number): void {
  for (const weight of model.trainableWeights) {
    const values = weight.read().dataSync().slice();
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    const shuffled = tf.tensor(values, weight.read().shape);
    weight.write(shuffled);
    shuffled.dispose();
  }
}
