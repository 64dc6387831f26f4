import * as tf from '@tensorflow/tfjs-node';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { venvPython } from '../../../../pipeline/native/python-tensorflow.js';
import { Nadam } from '../../../../pipeline/train/nadam.js';
import { NADAM_SCHEDULE_DECAY } from '../../../../pipeline/train/nadam-schedule.js';

/**
 * Keras 2.15's Nadam worked by hand, element by element, written out step by step
 * independently of the implementation (no folding of the bias correction). `gradientOf` gives
 * the gradient at the current weights, so fixed gradients and a quadratic loss both fit.
 */
function byHand(w0: number[], steps: number, gradientOf: (w: number[], step: number) => number[], settings: { lr: number; eps: number; decay?: number } = { lr: 1e-3, eps: 1e-7 }): number[][] {
  const { lr, eps } = settings;
  const decay = settings.decay ?? 1; // Keras' schedule_decay: 1 since Keras 2.11, 0.004 before
  const beta1 = 0.9, beta2 = 0.999;
  let w = [...w0];
  const m = w0.map(() => 0);
  const v = w0.map(() => 0);
  let product = 1; // u_1 * ... * u_{t-1}
  const out: number[][] = [];
  for (let t = 1; t <= steps; t++) {
    const g = gradientOf(w, t);
    const u = beta1 * (1 - 0.5 * Math.pow(0.96, decay * t));
    const uNext = beta1 * (1 - 0.5 * Math.pow(0.96, decay * (t + 1)));
    product = product * u;
    const productNext = product * uNext;
    w = w.map((wi, i) => {
      const gi = g[i]!;
      m[i] = m[i]! + (gi - m[i]!) * (1 - beta1);
      v[i] = v[i]! + (gi * gi - v[i]!) * (1 - beta2);
      const mHat = (uNext * m[i]!) / (1 - productNext) + ((1 - u) * gi) / (1 - product);
      const vHat = v[i]! / (1 - Math.pow(beta2, t));
      return wi - (lr * mHat) / (Math.sqrt(vHat) + eps);
    });
    out.push(w);
  }
  return out;
}

const FIXED_GRADIENTS = [[2, -1], [-1, 0.5], [0.5, 0], [3, -3], [0, 1]];

/** A 2-element quadratic bowl: loss = sum(scale * (w - target)^2), gradient 2 * scale * (w - target). */
const TARGET = [3, -1];
const SCALE = [1, 5];
const bowlGradient = (w: number[]) => w.map((wi, i) => 2 * SCALE[i]! * (wi - TARGET[i]!));

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

const owned: tf.TensorContainer[] = [];
/** Registers tensors and optimizers to free after each test. */
function own<T extends tf.TensorContainer | Nadam>(x: T): T {
  owned.push(x as tf.TensorContainer);
  return x;
}
afterEach(() => {
  for (const x of owned.splice(0)) (x instanceof Nadam ? x.dispose() : tf.dispose(x));
});

describe('Nadam (Keras 2.15 formula)', () => {
  it('first step by hand: u1 = 0.9(1 - 0.5 * 0.96) = 0.468, v_hat = g^2', () => {
    // g = 2: m = 0.2, v = 0.004, u2 = 0.9(1 - 0.5 * 0.9216) = 0.48528,
    // m_hat = 0.48528 * 0.2 / (1 - 0.468 * 0.48528) + 0.532 * 2 / (1 - 0.468) = 2.1256...,
    // v_hat = 0.004 / 0.001 = 4, so w = 1 - 1e-3 * m_hat / (2 + 1e-7).
    const mHat = (0.48528 * 0.2) / (1 - 0.468 * 0.48528) + (0.532 * 2) / (1 - 0.468);
    expect(byHand([1], 1, () => [2])[0]![0]).toBeCloseTo(1 - (1e-3 * mHat) / (2 + 1e-7), 12);
    const w = own(tf.variable(tf.tensor1d([1])));
    own(new Nadam()).applyGradients({ [w.name]: own(tf.tensor1d([2])) });
    expect(w.dataSync()[0]).toBeCloseTo(1 - (1e-3 * mHat) / 2, 6);
  });

  it('matches the hand-worked values over 5 steps of fixed gradients (sign changes, a zero)', () => {
    const expected = byHand([1, -2], FIXED_GRADIENTS.length, (_, t) => FIXED_GRADIENTS[t - 1]!);
    const w = own(tf.variable(tf.tensor1d([1, -2])));
    const opt = own(new Nadam());
    FIXED_GRADIENTS.forEach((g, i) => {
      tf.tidy(() => opt.applyGradients([{ name: w.name, tensor: tf.tensor1d(g) }]));
      expectClose(w.dataSync(), expected[i]!);
    });
    expect(opt.iterations).toBe(5);
  });

  it('matches the hand-worked values minimizing a quadratic loss for 8 steps', () => {
    const steps = 8;
    const expected = byHand([0, 0], steps, bowlGradient);
    const w = own(tf.variable(tf.tensor1d([0, 0])));
    const target = own(tf.tensor1d(TARGET));
    const scale = own(tf.tensor1d(SCALE));
    const opt = own(new Nadam());
    for (let t = 0; t < steps; t++) {
      opt.minimize(() => tf.sum(tf.mul(scale, tf.square(tf.sub(w, target)))) as tf.Scalar);
      expectClose(w.dataSync(), expected[t]!);
    }
  });

  it('adds epsilon to sqrt(v_hat), not to v_hat (visible with a large epsilon and learning rate)', () => {
    const settings = { lr: 0.1, eps: 0.5 };
    const expected = byHand([1, -2], FIXED_GRADIENTS.length, (_, t) => FIXED_GRADIENTS[t - 1]!, settings);
    const w = own(tf.variable(tf.tensor1d([1, -2])));
    const opt = own(new Nadam(settings.lr, 0.9, 0.999, settings.eps));
    FIXED_GRADIENTS.forEach((g, i) => {
      opt.applyGradients({ [w.name]: own(tf.tensor1d(g)) });
      expectClose(w.dataSync(), expected[i]!);
    });
  });

  it('uses a changed learning rate from the next step on (per-epoch schedules set it)', () => {
    const w = own(tf.variable(tf.tensor1d([1, -2])));
    const opt = own(new Nadam());
    opt.applyGradients({ [w.name]: own(tf.tensor1d([2, -1])) });
    const after1 = Array.from(w.dataSync());
    opt.learningRate = 0;
    opt.applyGradients({ [w.name]: own(tf.tensor1d([2, -1])) });
    expect(Array.from(w.dataSync())).toEqual(after1);
  });

  it('refuses gradients for a name that is no registered variable', () => {
    const opt = own(new Nadam());
    expect(() => opt.applyGradients({ 'no-such-variable': own(tf.tensor1d([1])) })).toThrow(/no variable named no-such-variable/);
  });
});

describe('Nadam with the legacy Keras 2.0-2.10 schedule (schedule_decay 0.004)', () => {
  const legacy = { lr: 1e-3, eps: 1e-7, decay: NADAM_SCHEDULE_DECAY.kerasLegacy };

  it('first step by hand: u1 = 0.9(1 - 0.5 * 0.96^0.004) = 0.45007348..., not 0.468', () => {
    const u1 = 0.9 * (1 - 0.5 * 0.96 ** 0.004);
    const u2 = 0.9 * (1 - 0.5 * 0.96 ** 0.008);
    expect(u1).toBeCloseTo(0.4500735, 7);
    const mHat = (u2 * 0.2) / (1 - u1 * u2) + ((1 - u1) * 2) / (1 - u1);
    const w = own(tf.variable(tf.tensor1d([1])));
    own(new Nadam(1e-3, 0.9, 0.999, 1e-7, NADAM_SCHEDULE_DECAY.kerasLegacy)).applyGradients({ [w.name]: own(tf.tensor1d([2])) });
    expect(w.dataSync()[0]).toBeCloseTo(1 - (1e-3 * mHat) / 2, 6);
    expect(w.dataSync()[0]).not.toBeCloseTo(byHand([1], 1, () => [2])[0]![0]!, 7);
  });

  it('matches the hand-worked values over 5 fixed gradients and 8 steps of a quadratic', () => {
    const fixed = byHand([1, -2], FIXED_GRADIENTS.length, (_, t) => FIXED_GRADIENTS[t - 1]!, legacy);
    const w = own(tf.variable(tf.tensor1d([1, -2])));
    const opt = own(new Nadam(1e-3, 0.9, 0.999, 1e-7, NADAM_SCHEDULE_DECAY.kerasLegacy));
    FIXED_GRADIENTS.forEach((g, i) => {
      opt.applyGradients({ [w.name]: own(tf.tensor1d(g)) });
      expectClose(w.dataSync(), fixed[i]!);
    });
    const bowl = byHand([0, 0], 8, bowlGradient, legacy);
    const v = own(tf.variable(tf.tensor1d([0, 0])));
    const target = own(tf.tensor1d(TARGET));
    const scale = own(tf.tensor1d(SCALE));
    const opt2 = own(new Nadam(1e-3, 0.9, 0.999, 1e-7, NADAM_SCHEDULE_DECAY.kerasLegacy));
    for (let t = 0; t < 8; t++) {
      opt2.minimize(() => tf.sum(tf.mul(scale, tf.square(tf.sub(v, target)))) as tf.Scalar);
      expectClose(v.dataSync(), bowl[t]!);
    }
  });
});

const KERAS_SCRIPT = `
import json, os, sys
os.environ['TF_CPP_MIN_LOG_LEVEL'] = '3'
import tensorflow as tf
spec = json.loads(sys.argv[1])
opt = tf.keras.optimizers.legacy.Nadam() if spec.get('legacy') else tf.keras.optimizers.Nadam()
w = tf.Variable(spec['w0'], dtype=tf.float32)
out = []
for g in spec['gradients']:
    opt.apply_gradients([(tf.constant(g, dtype=tf.float32), w)])
    out.append(w.numpy().tolist())
print(json.dumps({'module': type(opt).__module__, 'tf': tf.__version__, 'weights': out}))
`;

describe.skipIf(!existsSync(venvPython()))('Nadam against real tf.keras (venv with tensorflow-cpu present)', () => {
  it('matches tf.keras.optimizers.Nadam() step by step to 1e-6', () => {
    const spec = { w0: [1, -2], gradients: FIXED_GRADIENTS };
    const run = spawnSync(venvPython(), ['-c', KERAS_SCRIPT, JSON.stringify(spec)], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const keras = JSON.parse(run.stdout.trim().split('\n').pop()!) as { module: string; tf: string; weights: number[][] };
    // The formula we follow is the one tf.keras 2.15 runs, not the legacy optimizer_v2 one.
    expect(keras.module).toBe('keras.src.optimizers.nadam');
    const w = own(tf.variable(tf.tensor1d(spec.w0)));
    const opt = own(new Nadam());
    spec.gradients.forEach((g, i) => {
      opt.applyGradients({ [w.name]: own(tf.tensor1d(g)) });
      expectClose(w.dataSync(), keras.weights[i]!);
    });
  }, 120_000);

  it('matches tf.keras.optimizers.legacy.Nadam() (Keras 2.0-2.10) with schedule decay 0.004 to 1e-6', () => {
    const spec = { w0: [1, -2], gradients: FIXED_GRADIENTS, legacy: true };
    const run = spawnSync(venvPython(), ['-c', KERAS_SCRIPT, JSON.stringify(spec)], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const keras = JSON.parse(run.stdout.trim().split('\n').pop()!) as { module: string; tf: string; weights: number[][] };
    expect(keras.module).toBe('keras.src.optimizers.legacy.nadam');
    const w = own(tf.variable(tf.tensor1d(spec.w0)));
    const opt = own(new Nadam(1e-3, 0.9, 0.999, 1e-7, NADAM_SCHEDULE_DECAY.kerasLegacy));
    spec.gradients.forEach((g, i) => {
      opt.applyGradients({ [w.name]: own(tf.tensor1d(g)) });
      expectClose(w.dataSync(), keras.weights[i]!);
    });
  }, 120_000);
});

describe('Nadam state (getWeights / setWeights)', () => {
  const target = tf.keep(tf.tensor1d([3, -1, 2]));
  const lossOf = (v: tf.Variable) => () => tf.sum(tf.square(tf.sub(v, target))) as tf.Scalar;

  it('restores iterations, schedule product, m and v exactly: 3 + 2 steps equal 5 uninterrupted', async () => {
    const a = own(tf.variable(tf.tensor1d([0, 0, 0])));
    const optA = own(new Nadam());
    for (let i = 0; i < 3; i++) optA.minimize(lossOf(a));
    const b = own(tf.variable(a.clone()));
    const optB = own(new Nadam());
    await optB.setWeights(await optA.getWeights());
    expect(optB.iterations).toBe(3);
    for (let i = 0; i < 2; i++) {
      optA.minimize(lossOf(a));
      optB.minimize(lossOf(b));
    }
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(optB.iterations).toBe(5);
    // A's and B's moments are equal too, not just the weights they produced.
    const [wa, wb] = [await optA.getWeights(), await optB.getWeights()];
    expect(wb.map((w) => w.name.replace(b.name, 'x'))).toEqual(wa.map((w) => w.name.replace(a.name, 'x')));
    wa.forEach((w, i) => expect(Array.from(wb[i]!.tensor.dataSync())).toEqual(Array.from(w.tensor.dataSync())));
  });

  it('round-trips through tf.io weight encoding (as the checkpoint saves it), into a rebuilt model', async () => {
    const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'ones' }), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
    const xs = own(tf.tensor2d([[0, 1], [1, 0], [1, 1]]));
    const ys = own(tf.tensor2d([[1], [2], [3]]));
    const step = (model: tf.Sequential, opt: Nadam) => opt.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs) as tf.Tensor) as tf.Scalar);
    const modelA = build();
    const optA = own(new Nadam(0.01));
    for (let i = 0; i < 3; i++) step(modelA, optA);
    const { data, specs } = await tf.io.encodeWeights(await optA.getWeights());
    expect(specs.map((s) => s.name).slice(0, 2)).toEqual(['iter', 'u_product']);
    const decoded = tf.io.decodeWeights(data, specs);
    // A model built again gets new variable names; the state follows the weights' order.
    const modelB = build();
    modelB.setWeights(modelA.getWeights());
    expect(modelB.weights[0]!.name).not.toBe(modelA.weights[0]!.name);
    const optB = own(new Nadam(0.01));
    await optB.setWeights(specs.map((s) => ({ name: s.name, tensor: decoded[s.name]! })));
    tf.dispose(Object.values(decoded));
    for (let i = 0; i < 2; i++) {
      step(modelA, optA);
      step(modelB, optB);
    }
    modelA.getWeights().forEach((w, i) => expect(Array.from(modelB.getWeights()[i]!.dataSync())).toEqual(Array.from(w.dataSync())));
    modelA.dispose();
    modelB.dispose();
  });

  it('refuses state from another model or another optimizer with a sentence saying so', async () => {
    const a = own(tf.variable(tf.tensor1d([0, 0, 0])));
    const optA = own(new Nadam());
    optA.minimize(lossOf(a));
    const saved = await optA.getWeights();

    const other = own(tf.variable(tf.tensor1d([0, 0])));
    const optB = own(new Nadam());
    await optB.setWeights(saved);
    expect(() => optB.minimize(() => tf.sum(tf.square(other)) as tf.Scalar)).toThrow(/shape \[3\] where variable .* has \[2\].*another model/);

    await expect(own(new Nadam()).setWeights(saved.filter((w) => w.name !== 'iter'))).rejects.toThrow(/no "iter" entry/);
    await expect(own(new Nadam(1e-3, 0.5)).setWeights(saved)).rejects.toThrow(/schedule product .* other settings/);
  });

  it('does not leak tensors across 20 steps, and dispose() frees its state', () => {
    const before = tf.memory().numTensors;
    const init = tf.randomNormal([10, 10]);
    const w = tf.variable(init);
    const opt = new Nadam();
    const loss = () => tf.sum(tf.square(w)) as tf.Scalar;
    opt.minimize(loss);
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      opt.minimize(loss);
      expect(tf.memory().numTensors).toBe(afterFirst);
    }
    opt.dispose();
    tf.dispose([w, init]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Nadam in tf.js training', () => {
  it('trains a compiled model with model.fit', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: new Nadam(0.05), loss: 'meanSquaredError' });
    const xs = own(tf.tensor2d([[0, 1], [1, 0], [1, 1], [0, 0]]));
    const ys = own(tf.tensor2d([[1], [2], [3], [0]]));
    const history = await model.fit(xs, ys, { epochs: 30, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
    expect((model.optimizer as Nadam).iterations).toBe(30);
    model.dispose();
  });

  it('round-trips its config through the serialization registry', () => {
    const entry = tf.serialization.SerializationMap.getMap().classNameMap.Nadam;
    expect(entry?.[0]).toBe(Nadam);
    const config = new Nadam(0.01, 0.8, 0.99, 1e-6).getConfig();
    const copy = own(entry![1](Nadam as never, config) as Nadam);
    expect(copy).toBeInstanceOf(Nadam);
    expect(copy.getConfig()).toEqual({ learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, scheduleDecay: 1 });
    expect(own(new Nadam()).getConfig()).toEqual({ learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, scheduleDecay: 1 });
    const legacy = own(entry![1](Nadam as never, new Nadam(1e-3, 0.9, 0.999, 1e-7, 0.004).getConfig()) as Nadam);
    expect(legacy.scheduleDecay).toBe(0.004);
  });
});
