import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFashionModel } from '../../../../core/model-loader.js';
import type { ModelMetadata } from '../../../../core/types.js';
import { validMetadata } from '../../core/metadata/valid-metadata.js';
import { predictProbabilities } from '../../../../core/predict.js';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { readLayersModelFiles } from '../../../../pipeline/export/model-folder-io.js';
import { layersModelFileContents, type LayersModelFiles } from '../../../../pipeline/models/model-to-files.js';
import { quantizeModelFiles } from '../../../../pipeline/export/quantize-model-files.js';
import { writeDirAtomically } from '../../../../pipeline/shared/write-dir-atomically.js';
import { decodeAsTfjs, quickFloat32 } from './quantize-fixtures.js';

let scratch: string;
const float32: Record<string, LayersModelFiles> = {};
const contracts: Record<string, { trainableParams: number }> = {};
let images: Uint8Array[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-quantize-scratch-'));
  // What quantization receives from training: the float32 files of a --quick run's models.
  for (const id of ['cnn', 'lenet5'] as const) {
    const trained = await quickFloat32(id);
    float32[id] = trained.files;
    contracts[id] = trained.contract;
  }
  const data = await loadFashionMnist();
  images = Array.from({ length: 200 }, (_, i) => data.test.images.slice(i * 784, (i + 1) * 784));
}, 600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const specsOf = (files: LayersModelFiles) => files.modelJson.weightsManifest.flatMap((g) => g.weights);
/** A valid metadata.json for the quick model `id` (its trainable parameter count), to load a variant through core's loader. */
const metadataOf = (id: string): ModelMetadata => ({ ...validMetadata(), id, trainableParams: contracts[id]!.trainableParams });

describe.each(['cnn', 'lenet5'])('quantizing the %s export', (id) => {
  it.each(['float16', 'uint8'] as const)('%s keeps Standardize float32 and bounds every other weight\'s error', (dtype) => {
    const source = float32[id]!;
    const quantized = quantizeModelFiles(source, dtype);
    const before = decodeAsTfjs(source.weightData, specsOf(source));
    const after = decodeAsTfjs(quantized.weightData, specsOf(quantized));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const spec of specsOf(quantized)) {
      const w = before[spec.name]!;
      const q = after[spec.name]!;
      if (spec.name.startsWith('standardize/')) {
        expect(spec.quantization, spec.name).toBeUndefined();
        expect(Buffer.from(q.buffer).equals(Buffer.from(w.buffer)), `${spec.name} is bit-identical`).toBe(true);
        continue;
      }
      expect(spec.quantization?.dtype, spec.name).toBe(dtype);
      let worst = 0;
      w.forEach((v, i) => {
        const error = Math.abs(v - q[i]!);
        worst = Math.max(worst, dtype === 'uint8' ? error : error / Math.max(Math.abs(v), 2 ** -14));
      });
      const bound = dtype === 'uint8' ? spec.quantization!.scale! / 2 + 2 ** -22 : 2 ** -11;
      expect(worst, spec.name).toBeLessThanOrEqual(bound);
    }
    // Standardize (2 x 784 float32) stays; the rest shrinks by 2x or 4x.
    const standardizeBytes = 2 * 784 * 4;
    const factor = dtype === 'uint8' ? 4 : 2;
    expect(quantized.weightData.length).toBe((source.weightData.length - standardizeBytes) / factor + standardizeBytes);
  });

  it('each dtype written to disk loads through core\'s loadFashionModel and predicts like float32', async () => {
    const probabilities: Record<string, Float32Array[]> = {};
    for (const dtype of ['float32', 'float16', 'uint8'] as const) {
      const dir = writeDirAtomically(join(scratch, `${id}-${dtype}`), layersModelFileContents(quantizeModelFiles(float32[id]!, dtype)));
      // The export's metadata, with this variant's weights' hash.
      const metadata = metadataOf(id);
      metadata.weights.sha256 = createHash('sha256').update(readFileSync(join(dir, 'weights.bin'))).digest('hex');
      const { model } = await loadFashionModel(`file://${resolve(dir, 'model.json')}`, metadata, join(dir, 'metadata.json'));
      probabilities[dtype] = predictProbabilities(model, images);
      model.dispose();
    }
    const compare = (dtype: string) => {
      let worst = 0;
      let sameTop1 = 0;
      probabilities[dtype]!.forEach((p, i) => {
        const ref = probabilities.float32![i]!;
        p.forEach((v, c) => (worst = Math.max(worst, Math.abs(v - ref[c]!))));
        if (p.indexOf(Math.max(...p)) === ref.indexOf(Math.max(...ref))) sameTop1++;
      });
      return { worst, sameTop1 };
    };
    const half = compare('float16');
    const byte = compare('uint8');
    expect(half.worst).toBeLessThan(2e-3);
    expect(half.sameTop1).toBeGreaterThanOrEqual(199);
    expect(byte.worst).toBeLessThan(0.05);
    expect(byte.sameTop1).toBeGreaterThanOrEqual(194);
    // Not vacuous: uint8 does change the outputs.
    expect(byte.worst).toBeGreaterThan(0);
  });
});

describe('quantizeModelFiles refusals', () => {
  it('refuses an already quantized export and a truncated one', () => {
    const uint8 = quantizeModelFiles(float32.lenet5!, 'uint8');
    expect(() => quantizeModelFiles(uint8, 'float16')).toThrow(/stored quantized as uint8; the quantizer takes a float32 export/);
    const truncated = { ...float32.lenet5!, weightData: float32.lenet5!.weightData.slice(0, 1000) };
    expect(() => quantizeModelFiles(truncated, 'uint8')).toThrow(/truncated/);
    const extra = { ...float32.lenet5!, weightData: new Uint8Array(float32.lenet5!.weightData.length + 4) };
    expect(() => quantizeModelFiles(extra, 'uint8')).toThrow(/different exports/);
  });

  it('refuses a folder without model.json or with a missing shard, naming the file', () => {
    expect(() => readLayersModelFiles(join(scratch, 'nowhere'))).toThrow(join(scratch, 'nowhere', 'model.json'));
    const dir = writeDirAtomically(join(scratch, 'no-shard'), { 'model.json': JSON.stringify(float32.lenet5!.modelJson) });
    expect(() => readLayersModelFiles(dir)).toThrow(/needs the weight file weights\.bin/);
  });
});
