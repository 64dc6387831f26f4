import type * as tf from '@tensorflow/tfjs-node';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../core/model-contract.js';
import { predictProbabilities, type PredictOptions } from '../../core/predict.js';

const IMAGE_ALONE: PredictOptions = { mirrorAverage: false };

/**
 * Softmax outputs for every image, as one Float32Array of count*10: core's predictProbabilities
 * (the extension's own path, inference mode) over batches of `batchSize` images.
 */
export function predictAll(model: tf.LayersModel, images: Uint8Array, count: number, options: PredictOptions = IMAGE_ALONE, batchSize = 500): Float32Array {
  const out = new Float32Array(count * NUM_CLASSES);
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const batch = Array.from({ length: end - start }, (_, i) => images.subarray((start + i) * IMAGE_PIXELS, (start + i + 1) * IMAGE_PIXELS));
    predictProbabilities(model, batch, options).forEach((probabilities, i) => out.set(probabilities, (start + i) * NUM_CLASSES));
  }
  return out;
}
