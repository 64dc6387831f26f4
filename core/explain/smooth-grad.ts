import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../model-contract.js';
import { inputGradient } from './class-score.js';
import type { ExplainTensor } from './explanation-types.js';

/** Noisy copies averaged (Smilkov et al. 2017 use 50; 16 keeps it one batch). */
export const SMOOTH_GRAD_SAMPLES = 16;
/** Noise standard deviation: 15% of the pixel range, the paper's middle setting. */
export const SMOOTH_GRAD_SIGMA = 0.15 * 255;
/** Fixed seed: the same image gives the same map in Node and in the extension. */
const SEED = 24;

/** SmoothGrad x input: the gradient averaged over noisy copies of the image (one batch), times the input. */
export const smoothGrad: ExplainTensor = (model, options, x, classIndex) =>
  tf.tidy(() => {
    const noise = tf.randomNormal([SMOOTH_GRAD_SAMPLES, IMAGE_SIZE, IMAGE_SIZE, 1], 0, SMOOTH_GRAD_SIGMA, 'float32', SEED);
    const gradients = inputGradient(model, options, tf.add(x, noise) as tf.Tensor4D, classIndex);
    return tf.mul(gradients.mean(0), x.reshape([IMAGE_SIZE, IMAGE_SIZE, 1])).reshape([IMAGE_SIZE, IMAGE_SIZE]) as tf.Tensor2D;
  });
