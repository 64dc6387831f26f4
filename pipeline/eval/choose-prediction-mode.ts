import type * as tf from '@tensorflow/tfjs-node';
import type { ModelMetadata } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { makeSuiteImages, runSuite, suiteMeans } from './robustness/robustness-suite.js';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * Whether the model should average its probabilities for an image and its mirror, decided on the
 * validation images (never the test set): the mean top-1 over the robustness suite's changes of
 * the validation images, each way; mirror averaging is used when it is higher.
 */
export function choosePredictionMode(model: tf.LayersModel, validation: ImageSet): ModelMetadata['prediction'] {
  const means = suiteMeans(runSuite(model, makeSuiteImages(validation)));
  const mirrorAverage = means.mirrorAveraged > means.alone;
  return {
    mirrorAverage,
    why:
      `Chosen on the ${validation.count.toLocaleString('en-US')} validation images under the robustness suite's changes: mean top-1 ${pct(means.mirrorAveraged)} ` +
      `averaging each image with its mirror, ${pct(means.alone)} predicting it alone.`,
  };
}
