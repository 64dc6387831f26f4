import * as tf from '@tensorflow/tfjs';
import { predictTensor, type PredictOptions } from '../predict.js';

/**
 * The quantity every explanation explains: the probability the model gives class `classIndex` for
 * each image of x [n, 28, 28, 1], run as predictTensor runs it (so with mirror averaging where the
 * model's metadata asks for it, the explanation is of that average). Shape [n]. The column is cut
 * with slice, whose gradient is a pad: gather's gradient needs UnsortedSegmentSum, a kernel the
 * WASM backend does not have.
 */
export function classScore(model: tf.LayersModel, options: PredictOptions, x: tf.Tensor4D, classIndex: number): tf.Tensor1D {
  return tf.tidy(() => predictTensor(model, x, options).slice([0, classIndex], [-1, 1]).reshape([x.shape[0]]) as tf.Tensor1D);
}

/**
 * d(class score)/d(pixel) for each image of x [n, 28, 28, 1] (each image's score depends on that
 * image only, so one gradient of the batch's sum gives every image's). Gradients are taken with
 * respect to the input alone: the weights' gradients (Conv2DBackpropFilter, which the WASM backend
 * lacks) are never computed.
 */
export function inputGradient(model: tf.LayersModel, options: PredictOptions, x: tf.Tensor4D, classIndex: number): tf.Tensor4D {
  return tf.tidy(() => tf.grad((input: tf.Tensor) => classScore(model, options, input as tf.Tensor4D, classIndex).sum())(x) as tf.Tensor4D);
}
