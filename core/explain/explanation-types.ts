import type * as tf from '@tensorflow/tfjs';
import type { PredictOptions } from '../predict.js';

/**
 * One explanation method: the [28, 28] map of how much each pixel of x [1, 28, 28, 1] (raw 0..255)
 * pushed the model's score for `classIndex` up (positive) or down (negative).
 */
export type ExplainTensor = (model: tf.LayersModel, options: PredictOptions, x: tf.Tensor4D, classIndex: number) => tf.Tensor2D;
