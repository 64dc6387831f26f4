import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../model-contract.js';
import type { ExplainTensor } from './explanation-types.js';

type Layer = tf.layers.Layer;

const apply = (layers: readonly Layer[], x: tf.Tensor): tf.Tensor => layers.reduce((t, layer) => layer.apply(t) as tf.Tensor, x);

/** Index of the last convolution whose output still has a spatial extent (more than 1x1): LeNet-5's C5 is 1x1, so C3. */
export function lastSpatialConvolution(model: tf.LayersModel): number {
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const layer = model.layers[i]!;
    const shape = layer.outputShape as (number | null)[];
    if (/Conv2D$/.test(layer.getClassName()) && shape.length === 4 && (shape[1] ?? 0) > 1) return i;
  }
  throw new Error(`Grad-CAM needs a convolution with an output larger than 1x1; model ${model.name} has none.`);
}

/**
 * Grad-CAM (Selvaraju et al. 2017) on the last convolution with a spatial extent: its feature maps
 * weighted by the mean gradient of the score over each map, kept where positive, and resized to
 * 28x28 (bilinear). The model's layers are applied one after the other (every Fashion Lens model
 * is a chain). With mirror averaging, the mirror's map is mirrored back and the two averaged.
 */
export const gradCam: ExplainTensor = (model, options, x, classIndex) =>
  tf.tidy(() => {
    const split = lastSpatialConvolution(model) + 1;
    const head = model.layers.slice(0, split);
    const tail = model.layers.slice(split);
    const inputs = options.mirrorAverage ? tf.concat([x, tf.reverse(x, 2)], 0) : x;
    const features = apply(head, inputs) as tf.Tensor4D;
    const score = (a: tf.Tensor) => (apply(tail, a) as tf.Tensor2D).slice([0, classIndex], [-1, 1]).mean();
    const gradients = tf.grad(score)(features);
    const weights = gradients.mean([1, 2], true);
    const cams = tf.relu(tf.mul(weights, features).sum(3, true)) as tf.Tensor4D;
    const resized = tf.image.resizeBilinear(cams, [IMAGE_SIZE, IMAGE_SIZE], true);
    const both = options.mirrorAverage ? tf.add(resized.slice(0, 1), tf.reverse(resized.slice(1, 1), 2)).div(2) : resized;
    return both.reshape([IMAGE_SIZE, IMAGE_SIZE]) as tf.Tensor2D;
  });
