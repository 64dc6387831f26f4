import * as tf from '@tensorflow/tfjs-node';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFashionModel } from '../../../../core/model-loader.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../../../../pipeline/data/standardization.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { predictAll } from '../../../../pipeline/shared/predict-all.js';
import { sha256Hex } from '../../../../pipeline/shared/sha256-hex.js';
import { buildCnn } from '../../../../pipeline/models/build-cnn.js';
import { loadCheckpoint, saveCheckpoint, type RunIdentity } from '../../../../pipeline/train/checkpoint.js';
import { fit } from '../../../../pipeline/train/fit.js';
import { Nadam } from '../../../../pipeline/train/nadam.js';
import { registerNativeReluGradient } from '../../../../pipeline/train/native-relu-gradient.js';
import { writeModelFolder } from '../../../../pipeline/export/model-folder-io.js';
import { modelToFiles } from '../../../../pipeline/models/model-to-files.js';
import { SEED_PLANS } from '../../../../pipeline/train/training-plans.js';

let data: FashionMnist;
let std: ReturnType<typeof computeStandardization>;
const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-fit-'));

beforeAll(async () => {
  registerNativeReluGradient();
  const full = await loadFashionMnist({});
  data = { ...full, train: takeFirst(full.train, 256), validation: takeFirst(full.validation, 64), test: takeFirst(full.test, 64) };
  std = computeStandardization(data.train);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function train(epochs: number, seed = 42) {
  const model = buildCnn({ standardization: std, seed });
  const optimizer = new Nadam();
  const result = await fit(model, optimizer, data.train, data.validation, { epochs, batchSize: 32, seed });
  return { model, optimizer, history: result.history };
}

describe('fit', () => {
  it('is deterministic: the same seed gives the same first-epoch loss, another seed does not', async () => {
    const a = await train(1);
    const b = await train(1);
    const c = await train(1, 7);
    expect(b.history[0]!.loss).toBeCloseTo(a.history[0]!.loss, 4);
    expect(c.history[0]!.loss).not.toBeCloseTo(a.history[0]!.loss, 4);
    for (const r of [a, b, c]) {
      r.model.dispose();
      r.optimizer.dispose();
    }
  });

  it('keeps memory flat across epochs, checkpoints included (tensors disposed every batch)', async () => {
    const model = buildCnn({ standardization: std, seed: 42 });
    const optimizer = new Nadam();
    const counts: number[] = [];
    const identity: RunIdentity = { planName: 'cnn', epochs: 3, batchSize: 32, seed: 42, trainCount: data.train.count };
    await fit(model, optimizer, data.train, data.validation, {
      epochs: 3,
      batchSize: 32,
      seed: 42,
      callbacks: [
        {
          onEpochEnd: async (_log, history) => {
            await saveCheckpoint(join(dir, 'memory-ckpt'), identity, model, optimizer, history);
            counts.push(tf.memory().numTensors);
          },
        },
      ],
    });
    expect(counts[2]).toBe(counts[1]);
    expect(counts[1]).toBe(counts[0]);
    model.dispose();
    optimizer.dispose();
  });

  it('resumes from an epoch checkpoint to the same result as an uninterrupted run', async () => {
    const straight = await train(2);
    const identity: RunIdentity = { planName: 'cnn', epochs: 2, batchSize: 32, seed: 42, trainCount: data.train.count };
    const first = await train(1);
    await saveCheckpoint(join(dir, 'ckpt'), identity, first.model, first.optimizer, first.history);
    const model = buildCnn({ standardization: std, seed: 999 }); // different init: the checkpoint must overwrite it
    const optimizer = new Nadam();
    const history = await loadCheckpoint(join(dir, 'ckpt'), identity, model, optimizer);
    expect(history).toHaveLength(1);
    const resumed = await fit(model, optimizer, data.train, data.validation, { epochs: 2, batchSize: 32, seed: 42, history });
    expect(resumed.history[1]!.loss).toBeCloseTo(straight.history[1]!.loss, 4);
    const p1 = predictAll(straight.model, data.test.images, data.test.count);
    const p2 = predictAll(model, data.test.images, data.test.count);
    let diff = 0;
    for (let i = 0; i < p1.length; i++) diff = Math.max(diff, Math.abs(p1[i]! - p2[i]!));
    expect(diff).toBeLessThan(1e-4);
    await expect(loadCheckpoint(join(dir, 'ckpt'), { ...identity, seed: 1 }, model, optimizer)).rejects.toThrow(/different run \(seed: 42 there, 1 now\)/);
  });

  it('exports atomically and loads back through the extension loader with the same predictions', async () => {
    const { model } = await train(1);
    const metadata = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sample-metadata.json'), 'utf8'));
    const dest = join(dir, 'models', 'cnn');
    const saved = await modelToFiles(model);
    const hashed = { ...metadata, weights: { ...metadata.weights, sha256: sha256Hex(saved.weightData) } };
    // Metadata that records the hash of other weights is refused before anything is written.
    expect(() => writeModelFolder(dest, { files: saved, metadata: { ...metadata, id: 'cnn' } })).toThrow(/records the SHA-256 of other weights/);
    expect(existsSync(dest)).toBe(false);
    writeModelFolder(dest, { files: saved, metadata: { ...hashed, id: 'cnn' } });
    const loaded = await loadFashionModel(`file://${join(dest, 'model.json')}`, JSON.parse(readFileSync(join(dest, 'metadata.json'), 'utf8')), dest);
    const before = predictAll(model, data.test.images, data.test.count);
    const after = predictAll(loaded.model, data.test.images, data.test.count);
    let diff = 0;
    for (let i = 0; i < before.length; i++) diff = Math.max(diff, Math.abs(before[i]! - after[i]!));
    expect(diff).toBeLessThan(1e-6);
    // Bad metadata is refused before anything is written.
    const files = await modelToFiles(model);
    expect(() => writeModelFolder(join(dir, 'models', 'lenet5'), { files, metadata: { ...hashed, id: 'lenet5', classNames: ['x'] } })).toThrow(/classNames/);
    expect(existsSync(join(dir, 'models', 'lenet5'))).toBe(false);
  });

  it('plans the seed settings for the CNN', () => {
    expect(SEED_PLANS.cnn).toMatchObject({ epochs: 10, batchSize: 32, optimizerConfig: { name: 'Nadam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } });
  });
});
