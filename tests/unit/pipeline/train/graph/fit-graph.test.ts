import * as tf from '@tensorflow/tfjs-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingEngine } from '../../../../../core/types.js';
import { loadFashionMnist, type FashionMnist } from '../../../../../pipeline/data/fashion-mnist.js';
import { computeStandardization, type Standardization } from '../../../../../pipeline/data/standardization.js';
import { takeFirst } from '../../../../../pipeline/data/take-first.js';
import { loadCheckpoint, saveCheckpoint, type RunIdentity } from '../../../../../pipeline/train/checkpoint.js';
import { fit } from '../../../../../pipeline/train/fit.js';
import { GraphUnsupportedError } from '../../../../../pipeline/train/graph/model-graph.js';
import { registerNativeReluGradient } from '../../../../../pipeline/train/native-relu-gradient.js';
import { startEngine } from '../../../../../pipeline/train/start-engine.js';
import { graphEngine, type StepEngine } from '../../../../../pipeline/train/step-engine.js';
import { SHOP_PLANS } from '../../../../../pipeline/train/training-plans.js';
import { UserError } from '../../../../../pipeline/shared/user-error.js';

// Issue 22, item 3: the graph engine inside the real training loop (shuffling, the shop recipe's
// augmentation, dropout), on 256 real Fashion-MNIST images.

let data: FashionMnist;
let std: Standardization;
const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-fit-graph-'));
const plan = SHOP_PLANS.cnn;

beforeAll(async () => {
  registerNativeReluGradient();
  const full = await loadFashionMnist({});
  data = { ...full, train: takeFirst(full.train, 256), validation: takeFirst(full.validation, 64), test: takeFirst(full.test, 64) };
  std = computeStandardization(data.train);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const engineFor = (which: TrainingEngine, model: tf.LayersModel, optimizer: tf.Optimizer) =>
  startEngine({ engine: which, precision: which === 'graph' ? 'bf16' : undefined }, model, optimizer, plan.loss, () => {});

/** `epochs` epochs of the shop CNN (augmented, dropout) with `which` engine from a fresh model or a checkpoint. */
async function train(which: TrainingEngine, epochs: number, from?: { checkpoint: string; identity: RunIdentity }) {
  const model = plan.build(std, 42);
  const optimizer = plan.makeOptimizer();
  const history = from ? await loadCheckpoint(from.checkpoint, from.identity, model, optimizer) : undefined;
  const engine = await engineFor(which, model, optimizer);
  const result = await fit(model, optimizer, data.train, data.validation, { epochs, batchSize: 32, seed: 42, history, augmentation: plan.augmentation, engine, learningRateAt: plan.learningRateAt });
  engine.dispose();
  return { model, optimizer, history: result.history };
}

const weightsOf = (model: tf.LayersModel) => model.trainableWeights.map((w) => Float32Array.from(w.read().dataSync()));
const maxDifference = (a: Float32Array[], b: Float32Array[]) => Math.max(...a.map((w, i) => w.reduce((m, x, k) => Math.max(m, Math.abs(x - b[i]![k]!)), 0)));

describe('fit with the graph engine', () => {
  it('reruns to the same weights (augmentation and dropout seeded), and validates on the weights it trained', async () => {
    const a = await train('graph', 1);
    const b = await train('graph', 1);
    expect(maxDifference(weightsOf(a.model), weightsOf(b.model))).toBe(0);
    expect(a.history[0]!.valAccuracy).toBe(b.history[0]!.valAccuracy);
    // Validation ran on the trained weights, not the initial ones (sync before validating).
    const fresh = plan.build(std, 42);
    expect(maxDifference(weightsOf(a.model), weightsOf(fresh))).toBeGreaterThan(1e-3);
  });

  it('resumes from its own checkpoint to the same weights as an uninterrupted run', async () => {
    const identity: RunIdentity = { planName: plan.name, epochs: 2, batchSize: 32, seed: 42, trainCount: data.train.count };
    const straight = await train('graph', 2);
    const first = await train('graph', 1);
    await saveCheckpoint(join(dir, 'graph'), identity, first.model, first.optimizer, first.history);
    const resumed = await train('graph', 2, { checkpoint: join(dir, 'graph'), identity });
    expect(maxDifference(weightsOf(resumed.model), weightsOf(straight.model))).toBe(0);
    expect(resumed.history[1]!.loss).toBe(straight.history[1]!.loss);
  });

  it.each([
    ['graph', 'eager'],
    ['eager', 'graph'],
  ] as const)('a %s checkpoint resumes with the %s engine (weights, moments and step count carried over)', async (before, after) => {
    const identity: RunIdentity = { planName: plan.name, epochs: 2, batchSize: 32, seed: 42, trainCount: data.train.count };
    const first = await train(before, 1);
    const checkpoint = join(dir, `${before}-${after}`);
    await saveCheckpoint(checkpoint, identity, first.model, first.optimizer, first.history);
    const resumed = await train(after, 2, { checkpoint, identity });
    expect(resumed.history).toHaveLength(2);
    expect(resumed.history[0]).toEqual(first.history[0]);
    expect(resumed.optimizer.iterations).toBe(2 * Math.ceil(data.train.count / 32));
    // Carried on from epoch 1: the second epoch's loss is below the first's, as in an uninterrupted run.
    expect(resumed.history[1]!.loss).toBeLessThan(first.history[0]!.loss);
  });

  it('keeps memory flat across epochs: no tensors left behind, one session per engine', async () => {
    const model = plan.build(std, 42);
    const optimizer = plan.makeOptimizer();
    const engine = await engineFor('graph', model, optimizer);
    const counts: number[] = [];
    await fit(model, optimizer, data.train, data.validation, { epochs: 3, batchSize: 32, seed: 42, engine, augmentation: plan.augmentation, callbacks: [{ onEpochEnd: () => void counts.push(tf.memory().numTensors) }] });
    engine.dispose();
    expect(counts[2]).toBe(counts[1]);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('what the graph engine leaves behind', () => {
  it('nothing: building, stepping, syncing and disposing an engine with its model and optimizer frees every tensor', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const model = SHOP_PLANS.lenet5.build(std, i);
      const optimizer = SHOP_PLANS.lenet5.makeOptimizer();
      const engine = await graphEngine(model, optimizer, 'cross-entropy', 'bf16');
      await engine.step(new Float32Array(32 * 784), new Int32Array(32), 32);
      engine.sync();
      engine.dispose();
      model.dispose();
      optimizer.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('what the graph engine refuses', () => {
  const unsupported = () => {
    const model = tf.sequential();
    model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 2, kernelSize: 3, name: 'conv' }));
    model.add(tf.layers.batchNormalization({ name: 'norm' }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
    return model;
  };

  it('names the layer it cannot express, and says to train with --engine eager', async () => {
    const error = await graphEngine(unsupported(), plan.makeOptimizer(), 'cross-entropy', 'fp32').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphUnsupportedError);
    expect((error as UserError).kind).toBe('graph-engine');
    expect((error as Error).message).toMatch(/cannot train layer norm \(BatchNormalization\); train this model with --engine eager/);
  });

  it('with no --engine, trains such a model eagerly and says why; asked for by name, refuses', async () => {
    const lines: string[] = [];
    const engine: StepEngine = await startEngine({}, unsupported(), plan.makeOptimizer(), 'cross-entropy', (line) => lines.push(line));
    expect(engine.engine).toBe('eager');
    expect(lines.join('\n')).toMatch(/Engine: eager, fp32 \(.*BatchNormalization/);
    await expect(startEngine({ engine: 'graph' }, unsupported(), plan.makeOptimizer(), 'cross-entropy', () => {})).rejects.toThrow(GraphUnsupportedError);
  });

  it('refuses bf16 with the eager engine, saying what to do', async () => {
    await expect(startEngine({ engine: 'eager', precision: 'bf16' }, unsupported(), plan.makeOptimizer(), 'cross-entropy', () => {})).rejects.toThrow(/--precision bf16 needs the graph engine/);
  });
});
