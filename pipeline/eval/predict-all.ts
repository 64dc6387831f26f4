import * as tf from '@tensorflow/tfjs-node';
import { NUM_CLASSES } from '../../core/class-names.js';
import { predictTensor, type PredictOptions } from '../../core/predict.js';
import { makeBatch } from '../train/make-batch.js';

const IMAGE_ALONE: PredictOptions = { mirrorAverage: false };

/** Softmax outputs for every image (inference mode, through core's predictTensor), as one Float32Array of count*10. */
export function predictAll(model: tf.LayersModel, images: Uint8Array, count: number, options: PredictOptions = IMAGE_ALONE, batchSize = 500): Float32Array {
  const out = new Float32Array(count * NUM_CLASSES);
  const labels = new Uint8Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const { x, y } = makeBatch(images, labels, undefined, start, end);
    const probs = predictTensor(model, x, options);
    out.set(probs.dataSync(), start * NUM_CLASSES);
    tf.dispose([x, y, probs]);
  }
  return out;
}
