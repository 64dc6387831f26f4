import type * as tf from '@tensorflow/tfjs-node';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelMetadata } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { predictAll } from '../shared/predict-all.js';
import { scorePredictions, type Scores } from '../shared/score-predictions.js';
import { choosePredictionMode } from './choose-prediction-mode.js';

/** How a model is meant to be run, and how it does on the test set run that way. */
export interface Evaluation {
  prediction: ModelMetadata['prediction'];
  test: Scores;
  /** The test set's probabilities, in that mode (count*10). */
  probabilities: Float32Array;
}

/**
 * Evaluates a model: its prediction mode (`fixed`, or chosen on the validation images when there
 * is none), then the test set in that mode. Logs both.
 */
export function evaluateModel(model: tf.LayersModel, data: { validation: ImageSet; test: ImageSet }, fixed: ModelMetadata['prediction'] | undefined, log: (line: string) => void): Evaluation {
  const prediction = fixed ?? choosePredictionMode(model, data.validation);
  log(`Prediction mode: ${prediction.mirrorAverage ? 'mirror-averaged' : 'image alone'}. ${prediction.why}`);
  const probabilities = predictAll(model, data.test.images, data.test.count, predictOptionsOf({ prediction }));
  const test = scorePredictions(probabilities, data.test.labels);
  log(`Test accuracy ${(test.accuracy * 100).toFixed(2)}%, test loss ${test.loss.toFixed(4)} on ${data.test.count.toLocaleString('en-US')} images`);
  return { prediction, test, probabilities };
}
