import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModelMetadata } from '../../../../core/metadata/parse-model-metadata.js';
import { loadFashionModel } from '../../../../core/model-loader.js';
import type { QuantizationResult } from '../../../../core/types.js';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { chooseShippedVariant } from '../../../../pipeline/export/choose-shipped-variant.js';
import { writeModelFolder } from '../../../../pipeline/export/model-folder-io.js';
import { quantizeAndChoose, type QuantizeSource } from '../../../../pipeline/eval/quantize-and-choose.js';
import { sha256Hex } from '../../../../pipeline/shared/sha256-hex.js';
import { validMetadata } from '../../core/metadata/valid-metadata.js';
import { StopRequested } from '../../../../pipeline/shared/stop-requested.js';
import { quickFloat32 } from '../export/quantize-fixtures.js';

describe('chooseShippedVariant', () => {
  const v = (dtype: QuantizationResult['dtype'], weightBytes: number, testAccuracy: number): QuantizationResult => ({ dtype, weightBytes, testAccuracy });

  it('ships the smallest variant within 0.2 points of float32', () => {
    expect(chooseShippedVariant([v('float32', 400, 0.922), v('float16', 200, 0.9221), v('uint8', 100, 0.9211)]).dtype).toBe('uint8');
    expect(chooseShippedVariant([v('float32', 400, 0.922), v('float16', 200, 0.9221), v('uint8', 100, 0.92)]).dtype).toBe('uint8'); // exactly 0.2 points
    expect(chooseShippedVariant([v('float32', 400, 0.922), v('float16', 200, 0.9221), v('uint8', 100, 0.9199)]).dtype).toBe('float16');
    expect(chooseShippedVariant([v('float32', 400, 0.922), v('float16', 200, 0.91), v('uint8', 100, 0.9)]).dtype).toBe('float32');
    expect(chooseShippedVariant([v('uint8', 100, 0.95), v('float32', 400, 0.9)]).dtype).toBe('uint8'); // better than float32 qualifies
  });

  it('needs a float32 variant to compare with', () => {
    expect(() => chooseShippedVariant([v('uint8', 100, 0.9)])).toThrow(/needs the float32 variant/);
  });
});

describe('quantizeAndChoose on a real quick-trained model, in memory', () => {
  let out: string;
  let source: QuantizeSource;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'fashion-lens-quantize-choose-'));
    source = await quickFloat32('lenet5', 1000);
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures every dtype through the loader and hands on the chosen one, which writes and loads as the extension ships it', async () => {
    const test = takeFirst((await loadFashionMnist()).test, 1000);
    const lines: string[] = [];
    const outcome = await quantizeAndChoose(source, test, (line) => lines.push(line));
    expect(outcome.weights.variants.map((v) => v.dtype)).toEqual(['float32', 'float16', 'uint8']);
    expect(outcome.shipped).toEqual(chooseShippedVariant(outcome.weights.variants));
    expect(lines.join('\n')).toMatch(/lenet5 weights on 1,000 test images: float32 .* ships /);
    // float32's figure is training's own, on the same test images (measured once).
    expect(outcome.weights.variants[0]!.testAccuracy).toBe(source.testAccuracy);
    // A model trained on 500 images for one epoch still beats chance by far.
    expect(outcome.weights.variants[0]!.testAccuracy).toBeGreaterThan(0.3);
    const size = (d: string) => outcome.weights.variants.find((v) => v.dtype === d)!.weightBytes;
    expect(size('float32')).toBe(source.files.weightData.length);
    expect(size('float16')).toBeLessThan(size('float32') * 0.55);
    expect(size('uint8')).toBeLessThan(size('float32') * 0.3);
    expect(outcome.files.weightData.length).toBe(outcome.shipped.weightBytes);

    const modelDir = join(out, 'models', 'lenet5');
    const weights = { ...outcome.weights, sha256: sha256Hex(outcome.files.weightData) };
    writeModelFolder(modelDir, { files: outcome.files, metadata: { ...validMetadata(), trainableParams: source.contract.trainableParams, weights } });
    expect(readdirSync(modelDir).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const metadata = parseModelMetadata(JSON.parse(readFileSync(join(modelDir, 'metadata.json'), 'utf8')), 'metadata.json');
    const sha256 = createHash('sha256').update(readFileSync(join(modelDir, 'weights.bin'))).digest('hex');
    expect(metadata.weights).toEqual({ dtype: outcome.shipped.dtype, variants: outcome.weights.variants, sha256 });
    expect(statSync(join(modelDir, 'weights.bin')).size).toBe(outcome.shipped.weightBytes);
    const manifest = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')).weightsManifest[0];
    const dtypes = new Set(manifest.weights.filter((w: { name: string }) => !w.name.startsWith('standardize/')).map((w: { quantization?: { dtype: string } }) => w.quantization?.dtype ?? 'float32'));
    expect([...dtypes]).toEqual([outcome.shipped.dtype]);

    // The shipped folder loads through the extension's loader with its own metadata, and scores what quantization measured.
    const { model } = await loadFashionModel(`file://${resolve(modelDir, 'model.json')}`, metadata, 'metadata.json');
    model.dispose();
    expect(readdirSync(join(out, 'models')).filter((d) => d.startsWith('.'))).toEqual([]);
  });

  it('runs again on the same source to the same figures', async () => {
    const test = takeFirst((await loadFashionMnist()).test, 1000);
    const [a, b] = [await quantizeAndChoose(source, test), await quantizeAndChoose(source, test)];
    expect(b.weights.variants).toEqual(a.weights.variants);
  });

  it('a stop before a variant throws StopRequested, having written nothing', async () => {
    const test = takeFirst((await loadFashionMnist()).test, 100);
    await expect(quantizeAndChoose(source, test, () => {}, () => true)).rejects.toBeInstanceOf(StopRequested);
  });
});
