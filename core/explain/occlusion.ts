import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../model-contract.js';
import { classScore } from './class-score.js';
import type { ExplainTensor } from './explanation-types.js';

/** Side of the black square slid over the image. */
export const OCCLUSION_PATCH = 4;
/** Step between squares (13 x 13 = 169 positions, one batch). */
export const OCCLUSION_STRIDE = 2;

const POSITIONS = Array.from({ length: Math.floor((IMAGE_SIZE - OCCLUSION_PATCH) / OCCLUSION_STRIDE) + 1 }, (_, i) => i * OCCLUSION_STRIDE);

/** masks [positions^2, 28, 28, 1]: 0 inside each square, 1 elsewhere; and how many squares cover each pixel. */
function occlusionMasks(): { masks: Float32Array; cover: Float32Array } {
  const count = POSITIONS.length ** 2;
  const masks = new Float32Array(count * IMAGE_SIZE * IMAGE_SIZE).fill(1);
  const cover = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
  let m = 0;
  for (const top of POSITIONS)
    for (const left of POSITIONS) {
      for (let y = top; y < top + OCCLUSION_PATCH; y++)
        for (let x = left; x < left + OCCLUSION_PATCH; x++) {
          masks[m * IMAGE_SIZE * IMAGE_SIZE + y * IMAGE_SIZE + x] = 0;
          cover[y * IMAGE_SIZE + x]! += 1;
        }
      m++;
    }
  return { masks, cover };
}

/**
 * Occlusion (Zeiler and Fergus 2014): forward passes only. Each pixel gets the mean drop of the
 * score when a black square covering it hides that part of the image. Needs no gradient kernel.
 */
export const occlusion: ExplainTensor = (model, options, x, classIndex) =>
  tf.tidy(() => {
    const { masks, cover } = occlusionMasks();
    const maskTensor = tf.tensor4d(masks, [masks.length / (IMAGE_SIZE * IMAGE_SIZE), IMAGE_SIZE, IMAGE_SIZE, 1]);
    const drops = tf.sub(classScore(model, options, x, classIndex), classScore(model, options, tf.mul(maskTensor, x) as tf.Tensor4D, classIndex));
    // Each pixel: the sum of the drops of the squares over it, divided by how many squares cover it.
    const hidden = tf.sub(1, maskTensor).reshape([-1, IMAGE_SIZE * IMAGE_SIZE]);
    const summed = tf.matMul(drops.reshape([1, -1]), hidden).reshape([IMAGE_SIZE, IMAGE_SIZE]);
    return tf.div(summed, tf.tensor2d(cover, [IMAGE_SIZE, IMAGE_SIZE])) as tf.Tensor2D;
  });
