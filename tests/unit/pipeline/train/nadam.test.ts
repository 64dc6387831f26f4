import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { Nadam } from '../../../../pipeline/train/nadam.js';

/**
 * Keras 2.15's Nadam worked by hand for one scalar weight w with fixed gradients, written out
 * step by step independently of the implementation (lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-7).
 */
function byHand(w0: number, gradients: number[]): number[] {
  const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-7;
  let w = w0, m = 0, v = 0, product = 1;
  const out: number[] = [];
  gradients.forEach((g, i) => {
    const t = i + 1;
    const u = b1 * (1 - 0.5 * Math.pow(0.96, t));
    const uNext = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
    product = product * u;
    const productNext = product * uNext;
    m = m + (g - m) * (1 - b1);
    v = v + (g * g - v) * (1 - b2);
    const mHat = (uNext * m) / (1 - productNext) + ((1 - u) * g) / (1 - product);
    const vHat = v / (1 - Math.pow(b2, t));
    w = w - (lr * mHat) / (Math.sqrt(vHat) + eps);
    out.push(w);
  });
  return out;
}

describe('Nadam (Keras 2.15 formula)', () => {
  it('first step by hand: u1 = 0.9(1-0.5*0.96) = 0.468, update = lr * m_hat / sqrt(v_hat)', () => {
    // Step 1 with g = 2: m = 0.2, v = 0.004, u1 = 0.468, u2 = 0.9(1 - 0.5*0.9216) = 0.48528,
    // m_hat = 0.48528*0.2/(1-0.468*0.48528) + 0.532*2/(1-0.468), v_hat = 4, so w = 1 - 1e-3*m_hat/2.
    const mHat = (0.48528 * 0.2) / (1 - 0.468 * 0.48528) + (0.532 * 2) / (1 - 0.468);
    expect(byHand(1, [2])[0]).toBeCloseTo(1 - (1e-3 * mHat) / (2 + 1e-7), 12);
  });

  it('matches the hand-worked values over several steps', () => {
    const gradients = [2, -1, 0.5, 3, 0];
    const expected = byHand(1, gradients);
    const w = tf.variable(tf.scalar(1));
    const opt = new Nadam();
    gradients.forEach((g, i) => {
      opt.applyGradients({ [w.name]: tf.scalar(g) });
      expect(w.dataSync()[0]).toBeCloseTo(expected[i]!, 6);
    });
    opt.dispose();
    w.dispose();
  });

  it('matches the schedule scalars', () => {
    const s = Nadam.schedule(1, 1, 0.9, 0.999);
    expect(s.uT).toBeCloseTo(0.468, 12);
    expect(s.uT1).toBeCloseTo(0.48528, 12);
    expect(s.beta2Power).toBeCloseTo(0.999, 12);
  });

  it('saves and restores its state exactly (iterations, schedule product, m, v)', async () => {
    const target = tf.tensor1d([3, -1, 2]);
    const loss = (v: tf.Variable) => () => tf.sum(tf.square(tf.sub(v, target))) as tf.Scalar;
    const a = tf.variable(tf.tensor1d([0, 0, 0]));
    const optA = new Nadam();
    for (let i = 0; i < 3; i++) optA.minimize(loss(a));
    const b = tf.variable(a.clone());
    const optB = new Nadam();
    await optB.setWeights(await optA.getWeights());
    for (let i = 0; i < 2; i++) {
      optA.minimize(loss(a));
      optB.minimize(loss(b));
    }
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(optB.iterations).toBe(5);
  });

  it('does not leak tensors across steps', () => {
    const w = tf.variable(tf.randomNormal([10, 10]));
    const opt = new Nadam();
    opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) tf.dispose(opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, true) ?? []);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains a compiled model and round-trips its config through the serialization registry', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: new Nadam(0.05), loss: 'meanSquaredError' });
    const xs = tf.tensor2d([[0, 1], [1, 0], [1, 1], [0, 0]]);
    const ys = tf.tensor2d([[1], [2], [3], [0]]);
    const history = await model.fit(xs, ys, { epochs: 30, verbose: 0 });
    expect(history.history.loss!.at(-1)! as number).toBeLessThan(history.history.loss![0]! as number);
    const cls = tf.serialization.SerializationMap.getMap().classNameMap.Nadam;
    expect(cls).toBeDefined();
    const copy = (cls![1] as typeof Nadam.fromConfig)(Nadam, new Nadam(0.01, 0.8, 0.99, 1e-6).getConfig()) as Nadam;
    expect(copy.getConfig()).toEqual({ learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6 });
  });
});
