import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../model-contract.js';
import { inputGradient } from './class-score.js';
import type { ExplainTensor } from './explanation-types.js';

/** Steps of the path integral (midpoint rule), all in one batch. */
export const INTEGRATED_GRADIENTS_STEPS = 16;

/**
 * Integrated gradients (Sundararajan et al. 2017) from the black image, the Fashion-MNIST
 * background: input x the gradient averaged along the straight path from black to the image. The
 * map sums to about score(image) - score(black).
 */
export const integratedGradients: ExplainTensor = (model, options, x, classIndex) =>
  tf.tidy(() => {
    const alphas = tf.linspace(0.5 / INTEGRATED_GRADIENTS_STEPS, 1 - 0.5 / INTEGRATED_GRADIENTS_STEPS, INTEGRATED_GRADIENTS_STEPS).reshape([INTEGRATED_GRADIENTS_STEPS, 1, 1, 1]);
    const path = tf.mul(alphas, x) as tf.Tensor4D;
    const gradients = inputGradient(model, options, path, classIndex);
    return tf.mul(gradients.mean(0), x.reshape([IMAGE_SIZE, IMAGE_SIZE, 1])).reshape([IMAGE_SIZE, IMAGE_SIZE]) as tf.Tensor2D;
  });
