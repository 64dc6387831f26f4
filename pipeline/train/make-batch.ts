import * as tf from '@tensorflow/tfjs-node';
import { IMAGE_PIXELS, IMAGE_SIZE } from '../../core/model-contract.js';

/**
 * Images and labels of the samples `order[start..end)`: n*784 raw 0..255 floats and n int32 labels.
 * `transform`, if given, changes the n gathered images in place (training augmentation).
 */
export function gatherBatch(
  images: Uint8Array,
  labels: Uint8Array,
  order: ArrayLike<number> | undefined,
  start: number,
  end: number,
  transform?: (images: Float32Array, count: number) => void,
): { xs: Float32Array; ys: Int32Array; count: number } {
  const n = end - start;
  const xs = new Float32Array(n * IMAGE_PIXELS);
  const ys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = order ? order[start + i]! : start + i;
    const src = images.subarray(k * IMAGE_PIXELS, (k + 1) * IMAGE_PIXELS);
    xs.set(src, i * IMAGE_PIXELS);
    ys[i] = labels[k]!;
  }
  transform?.(xs, n);
  return { xs, ys, count: n };
}

/** gatherBatch's batch as tensors: x [n,28,28,1] raw 0..255, y [n] int32. */
export function makeBatch(...args: Parameters<typeof gatherBatch>): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const { xs, ys, count } = gatherBatch(...args);
  return { x: tf.tensor4d(xs, [count, IMAGE_SIZE, IMAGE_SIZE, 1]), y: tf.tensor1d(ys, 'int32') };
}
