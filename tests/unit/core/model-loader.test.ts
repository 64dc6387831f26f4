import * as tf from '@tensorflow/tfjs-node';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartialConv2D, Standardize, TrainableSubsampling } from '../../../core/layers/index.js';
import { loadFashionModel } from '../../../core/model-loader.js';
import { predictProbabilities } from '../../../core/predict.js';
import type { ModelMetadata } from '../../../core/types.js';
import { weightDataSha256 } from '../../../core/weight-hash.js';
import { buildCnn } from '../../../pipeline/models/build-cnn.js';
import { buildLenet5 } from '../../../pipeline/models/build-lenet5.js';
import { countModelParams } from '../../../pipeline/models/model-summary.js';
import { hashedMetadata } from './metadata/hashed-metadata.js';
import { validMetadata } from './metadata/valid-metadata.js';
import { readFashionImages, standardizationOf } from './model-loader-fixtures.js';

let root: string;
const testImages = readFashionImages('t10k-images-idx3-ubyte.gz', 16);
const standardization = standardizationOf(readFashionImages('train-images-idx3-ubyte.gz', 500));

/** Saves `model` and `metadata` the way the pipeline exports them, into <root>/<name>/. */
async function exportModel(name: string, model: tf.LayersModel, metadata: unknown): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  await model.save(`file://${dir}`);
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify(metadata, null, 2));
  return dir;
}

const trainableCount = (model: tf.LayersModel) => countModelParams(model).trainable;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fashion-lens-loader-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadFashionModel', () => {
  it('round-trips LeNet-5 in the layers format with identical predictions', async () => {
    const model = buildLenet5({ standardization, seed: 42 });
    const dir = await exportModel('lenet5', model, {});
    const metadata = hashedMetadata(dir, { id: 'lenet5', trainableParams: trainableCount(model) });
    const loaded = await loadFashionModel(`file://${dir}/model.json`, JSON.parse(JSON.stringify(metadata)), `${dir}/metadata.json`);
    expect(loaded.metadata).toEqual(metadata);
    expect(loaded.model.layers.map((l) => l.constructor)).toContain(PartialConv2D);
    expect(loaded.model.layers.filter((l) => l instanceof TrainableSubsampling)).toHaveLength(2);
    const before = predictProbabilities(model, testImages);
    const after = predictProbabilities(loaded.model, testImages);
    expect(after.map((p) => Array.from(p))).toEqual(before.map((p) => Array.from(p)));
    // Non-trivial: untrained, but the outputs are proper distributions that differ between images.
    for (const p of after) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(Array.from(after[0]!)).not.toEqual(Array.from(after[1]!));
    model.dispose();
    loaded.model.dispose();
  });

  it('round-trips the CNN with identical predictions and restores the baked-in standardization', async () => {
    const model = buildCnn({ standardization, seed: 7 });
    const dir = await exportModel('cnn', model, {});
    const metadata = hashedMetadata(dir, { id: 'cnn', displayName: 'Seed CNN', trainableParams: 1_413_834 });
    const loaded = await loadFashionModel(`file://${dir}/model.json`, metadata, `${dir}/metadata.json`);
    expect(loaded.model.layers[0]).toBeInstanceOf(Standardize);
    expect(loaded.model.layers[0]!.getWeights()[0]!.dataSync()).toEqual(standardization.mean);
    const before = predictProbabilities(model, testImages.slice(0, 4));
    const after = predictProbabilities(loaded.model, testImages.slice(0, 4));
    expect(after.map((p) => Array.from(p))).toEqual(before.map((p) => Array.from(p)));
    model.dispose();
    loaded.model.dispose();
  });

  it('refuses invalid metadata before loading anything, naming the file and the problem', async () => {
    const bad = { ...validMetadata(), classNames: ['a', 'b'] };
    await expect(loadFashionModel('file:///nowhere/model.json', bad, 'extension/public/models/lenet5/metadata.json')).rejects.toThrow(
      /^extension\/public\/models\/lenet5\/metadata\.json is not valid model metadata: classNames must equal/,
    );
  });

  it('says which model failed to load and what to do', async () => {
    const missing = join(root, 'missing', 'model.json');
    const error = await loadFashionModel(`file://${missing}`, validMetadata(), 'metadata.json').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`Could not load the LeNet-5 (LeCun et al. 1998) model (lenet5) from file://${missing}: `);
    expect((error as Error).message).toContain('Run `npm run pipeline` to export the models again, then rebuild the extension with `npm run build`.');
  });

  it('refuses a model whose shapes break the contract, or whose metadata belongs to another export', async () => {
    const wrongShape = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [32, 32, 1] }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const shapeDir = await exportModel('wrong-shape', wrongShape, {});
    const trainable = trainableCount(wrongShape);
    await expect(loadFashionModel(`file://${shapeDir}/model.json`, hashedMetadata(shapeDir, { trainableParams: trainable }), 'metadata.json')).rejects.toThrow(
      /is not a usable Fashion Lens model: its input shape is \[\[null,32,32,1\]\], not \[\[null,28,28,1\]\]/,
    );

    const lenet = buildLenet5({ standardization, seed: 1 });
    const dir = await exportModel('lenet5-other', lenet, {});
    const metadata: ModelMetadata = hashedMetadata(dir, { trainableParams: 1_413_834 });
    await expect(loadFashionModel(`file://${dir}/model.json`, metadata, 'metadata.json')).rejects.toThrow(
      'it has 60850 trainable parameters but metadata.json says 1413834 (model and metadata come from different exports)',
    );
    wrongShape.dispose();
    lenet.dispose();
  });

  describe('the weights\' SHA-256 (issue 12, item 8)', () => {
    /** A LeNet-5 export whose metadata records its weights' hash, as the pipeline writes it. */
    async function hashedExport(name: string): Promise<{ dir: string; metadata: ModelMetadata }> {
      const model = buildLenet5({ standardization, seed: 3 });
      const dir = await exportModel(name, model, {});
      model.dispose();
      const metadata = validMetadata({ trainableParams: 60850 });
      metadata.weights.sha256 = createHash('sha256').update(readFileSync(join(dir, 'weights.bin'))).digest('hex');
      return { dir, metadata };
    }

    it('loads weights that match the recorded hash', async () => {
      const { dir, metadata } = await hashedExport('hashed');
      const loaded = await loadFashionModel(`file://${dir}/model.json`, metadata, `${dir}/metadata.json`);
      loaded.model.dispose();
    });

    it('refuses weights with 20 kB of flipped bytes, naming the model, the metadata and what to do', async () => {
      const { dir, metadata } = await hashedExport('flipped');
      const weights = readFileSync(join(dir, 'weights.bin'));
      for (let i = 4096; i < 4096 + 20_000; i++) weights[i] = weights[i]! ^ 0xff;
      writeFileSync(join(dir, 'weights.bin'), weights);
      const error = (await loadFashionModel(`file://${dir}/model.json`, metadata, `${dir}/metadata.json`).catch((e: Error) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(new RegExp(`^Could not load the LeNet-5 .* the weights of file://${dir}/model.json do not match the SHA-256 that ${dir}/metadata.json records \\(${metadata.weights.sha256!.slice(0, 12)}…, they hash to [0-9a-f]{12}…\\): the weight file is damaged or comes from another export\\.`));
      expect(error.message).toContain('rebuild the extension with `npm run build`');
    });

    it('refuses metadata that records no hash, before loading anything', async () => {
      const { dir, metadata } = await hashedExport('unhashed');
      const { sha256: _, ...weights } = metadata.weights;
      await expect(loadFashionModel(`file://${dir}/model.json`, { ...metadata, weights }, 'models/lenet5/metadata.json')).rejects.toThrow(
        /^models\/lenet5\/metadata\.json is not valid model metadata: weights\.sha256 is missing\./,
      );
    });

    it('hashes with WebCrypto exactly as Node\'s crypto does, joined shards included', async () => {
      const a = new Uint8Array([1, 2, 3, 250]);
      const b = new Uint8Array(70_000).map((_, i) => i % 251);
      const joined = Buffer.concat([a, b]);
      const expected = createHash('sha256').update(joined).digest('hex');
      expect(await weightDataSha256(joined)).toBe(expected);
      expect(await weightDataSha256([a.slice().buffer, b.slice().buffer])).toBe(expected);
      expect(await weightDataSha256(joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength))).toBe(expected);
    });
  });
});
