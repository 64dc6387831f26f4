import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { registerNativeReluGradient } from '../../../../pipeline/train/native-relu-gradient.js';

describe('native ReLU gradient', () => {
  it("equals tfjs' dy * step(x), including at 0 and for negatives", async () => {
    const xs = [-2, -0.5, 0, 0.5, 3, -1e-8, 1e-8, 7];
    const dys = [1, 2, 3, 4, 5, 6, 7, 8];
    const reference = xs.map((x, i) => (x > 0 ? dys[i]! : 0));
    registerNativeReluGradient();
    expect(tf.getBackend()).toBe('tensorflow');
    const g = tf.grad((x: tf.Tensor) => tf.relu(x))(tf.tensor1d(xs), tf.tensor1d(dys));
    expect(Array.from(g.dataSync())).toEqual(reference);
    await tf.setBackend('cpu');
    const gCpu = tf.grad((x: tf.Tensor) => tf.relu(x))(tf.tensor1d(xs), tf.tensor1d(dys));
    expect(Array.from(gCpu.dataSync())).toEqual(reference);
    await tf.setBackend('tensorflow');
  });
});
