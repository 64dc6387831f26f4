import * as tf from '@tensorflow/tfjs-node';
import { afterAll, describe, expect, it } from 'vitest';
import { readNativeStatus } from '../../../../pipeline/native/native-status.js';

/** conv2d and its gradients w.r.t. input and filter on the current backend, as plain arrays. */
function convAndGrads(x: Float32Array, w: Float32Array) {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, [2, 12, 12, 3]);
    const wt = tf.tensor4d(w, [5, 5, 3, 4]);
    const f = (a: tf.Tensor4D, b: tf.Tensor4D) => tf.sum(tf.square(tf.conv2d(a, b, 1, 'same')));
    const y = tf.conv2d(xt, wt, 1, 'same');
    const [dx, dw] = tf.grads(f as (...args: tf.Tensor[]) => tf.Tensor)([xt, wt]);
    return { y: Float32Array.from(y.dataSync()), dx: Float32Array.from(dx!.dataSync()), dw: Float32Array.from(dw!.dataSync()) };
  });
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('native TensorFlow backend', () => {
  afterAll(async () => {
    await tf.setBackend('tensorflow');
  });

  it('tfjs-node runs on the native tensorflow backend, provided by npm install', () => {
    expect(tf.getBackend()).toBe('tensorflow');
    const version = (tf.backend() as unknown as { binding: { TF_Version: string } }).binding.TF_Version;
    expect(version).toMatch(/^2\.\d+\.\d+/);
    const status = readNativeStatus();
    expect(status?.ok, 'npm install recorded providing the native library').toBe(true);
  });

  it('conv2d and its gradients match the pure-JS CPU backend', async () => {
    const x = Float32Array.from({ length: 2 * 12 * 12 * 3 }, (_, i) => Math.sin(i * 0.37));
    const w = Float32Array.from({ length: 5 * 5 * 3 * 4 }, (_, i) => Math.cos(i * 0.11) * 0.2);
    await tf.setBackend('tensorflow');
    const native = convAndGrads(x, w);
    await tf.setBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const cpu = convAndGrads(x, w);
    await tf.setBackend('tensorflow');
    expect(maxAbsDiff(native.y, cpu.y)).toBeLessThan(1e-4);
    expect(maxAbsDiff(native.dx, cpu.dx)).toBeLessThan(1e-3);
    expect(maxAbsDiff(native.dw, cpu.dw)).toBeLessThan(1e-3);
    // Not vacuous: the outputs are far from zero.
    expect(Math.max(...native.dw.map(Math.abs))).toBeGreaterThan(1);
  });
});
