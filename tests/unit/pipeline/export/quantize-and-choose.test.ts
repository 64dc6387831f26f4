import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModelMetadata } from '../../../../core/metadata/parse-model-metadata.js';
import { loadFashionModel } from '../../../../core/model-loader.js';
import type { QuantizationResult } from '../../../../core/types.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { chooseShippedVariant } from '../../../../pipeline/export/choose-shipped-variant.js';
import { quantizeAndChoose, variantDir } from '../../../../pipeline/export/quantize-and-choose.js';
import { quickExport } from './quantize-fixtures.js';

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

describe('quantizeAndChoose on a real quick export', () => {
  let out: string;
  let data: FashionMnist;
  beforeAll(async () => {
    out = quickExport('fashion-lens-quantize-choose-');
    data = await loadFashionMnist();
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures every dtype through the loader, ships the chosen one atomically and records it in metadata.json', async () => {
    const test = takeFirst(data.test, 1000);
    const lines: string[] = [];
    const outcome = await quantizeAndChoose(out, 'lenet5', { test }, (line) => lines.push(line));
    expect(outcome.variants.map((v) => v.dtype)).toEqual(['float32', 'float16', 'uint8']);
    expect(outcome.shipped).toEqual(chooseShippedVariant(outcome.variants));
    expect(lines.join('\n')).toMatch(/lenet5 weights on 1,000 test images: float32 .* ships /);

    const modelDir = join(out, 'models', 'lenet5');
    expect(readdirSync(modelDir).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    const metadata = parseModelMetadata(JSON.parse(readFileSync(join(modelDir, 'metadata.json'), 'utf8')), 'metadata.json');
    const sha256 = createHash('sha256').update(readFileSync(join(modelDir, 'weights.bin'))).digest('hex');
    expect(metadata.weights).toEqual({ dtype: outcome.shipped.dtype, variants: outcome.variants, sha256 });
    expect(statSync(join(modelDir, 'weights.bin')).size).toBe(outcome.shipped.weightBytes);
    const manifest = JSON.parse(readFileSync(join(modelDir, 'model.json'), 'utf8')).weightsManifest[0];
    const dtypes = new Set(manifest.weights.filter((w: { name: string }) => !w.name.startsWith('standardize/')).map((w: { quantization?: { dtype: string } }) => w.quantization?.dtype ?? 'float32'));
    expect([...dtypes]).toEqual([outcome.shipped.dtype]);

    // Each variant's size is its file's; uint8 is about a quarter of float32, float16 half.
    for (const v of outcome.variants) expect(statSync(join(variantDir(out, 'lenet5', v.dtype), 'weights.bin')).size).toBe(v.weightBytes);
    const size = (d: string) => outcome.variants.find((v) => v.dtype === d)!.weightBytes;
    expect(size('float16')).toBeLessThan(size('float32') * 0.55);
    expect(size('uint8')).toBeLessThan(size('float32') * 0.3);
    // A model trained on 500 images for one epoch still beats chance by far.
    expect(outcome.variants[0]!.testAccuracy).toBeGreaterThan(0.3);

    // The shipped folder loads through the extension's loader with its own metadata.
    const { model } = await loadFashionModel(`file://${resolve(modelDir, 'model.json')}`, metadata, 'metadata.json');
    model.dispose();
    expect(readdirSync(join(out, 'models')).filter((d) => d.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(out, 'variants')).filter((d) => d.startsWith('.'))).toEqual([]);
  });

  it('runs again from the saved float32 variant with the same figures', async () => {
    const test = takeFirst(data.test, 1000);
    const first = JSON.parse(readFileSync(join(out, 'models', 'lenet5', 'metadata.json'), 'utf8'));
    const again = await quantizeAndChoose(out, 'lenet5', { test });
    expect(again.variants).toEqual(first.weights.variants);
    expect(again.metadata.createdAt).toBe(first.createdAt);
  });

  it('refuses when the shipped model is quantized and its float32 source is gone', async () => {
    // The quick run evaluated on the first 100 test images: loaded back, float32 scores the same.
    const test = takeFirst(data.test, 100);
    const trained = JSON.parse(readFileSync(join(out, 'models', 'cnn', 'metadata.json'), 'utf8')).metrics.testAccuracy;
    const outcome = await quantizeAndChoose(out, 'cnn', { test });
    expect(outcome.variants[0]!.testAccuracy).toBe(trained);
    const shipped = JSON.parse(readFileSync(join(out, 'models', 'cnn', 'metadata.json'), 'utf8')).weights.dtype;
    rmSync(variantDir(out, 'cnn', 'float32'), { recursive: true });
    if (shipped === 'float32') {
      // Nothing to refuse: models/cnn is itself the float32 source.
      await expect(quantizeAndChoose(out, 'cnn', { test })).resolves.toBeDefined();
    } else {
      await expect(quantizeAndChoose(out, 'cnn', { test })).rejects.toThrow(/float32 export to quantize from must be in .*cnn-float32, but it is missing/);
      expect(existsSync(join(out, 'models', 'cnn', 'model.json'))).toBe(true);
    }
  });
});
