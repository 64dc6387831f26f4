import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../model-contract.js';
import { inputGradient } from './class-score.js';
import type { ExplainTensor } from './explanation-types.js';

/** Gradient x input: one backward pass; each pixel's first-order share of the score (0 on the black background). */
export const gradientTimesInput: ExplainTensor = (model, options, x, classIndex) =>
  tf.tidy(() => tf.mul(inputGradient(model, options, x, classIndex), x).reshape([IMAGE_SIZE, IMAGE_SIZE]) as tf.Tensor2D);
