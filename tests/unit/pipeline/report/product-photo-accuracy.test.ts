import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFashionMnist } from '../../../../core/conversion/to-fashion-mnist.js';
import { loadFashionModel } from '../../../../core/model-loader.js';
import type { LoadedFashionModel } from '../../../../core/model-loader.js';
import { predictProbabilities } from '../../../../core/predict.js';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { convertAsProductPhotos, productPhotoAccuracy } from '../../../../pipeline/eval/product-photo-accuracy.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto } from '../../../../pipeline/eval/render-product-photo.js';
import { findExportedModels } from '../../../../pipeline/report/find-exported-models.js';
import { quickExport } from '../export/quantize-fixtures.js';

let out: string;
let loaded: LoadedFashionModel;
beforeAll(async () => {
  out = quickExport('fashion-lens-product-photos-');
  const lenet = findExportedModels(out).find((m) => m.metadata.id === 'lenet5')!;
  loaded = await loadFashionModel(`file://${resolve(lenet.dir, 'model.json')}`, lenet.metadata, join(lenet.dir, 'metadata.json'));
}, 600_000);
afterAll(() => {
  loaded?.model.dispose();
  rmSync(out, { recursive: true, force: true });
});

const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));

describe('product-photo accuracy', () => {
  it('converts image i with style i mod 4 through core, and scores both inputs like core\'s predict does', async () => {
    const test = takeFirst((await loadFashionMnist()).test, 120);
    const photos = convertAsProductPhotos(test);
    expect(photos.converted).toHaveLength(120 * 784);
    for (const i of [0, 1, 6, 119]) {
      const pixels = test.images.slice(i * 784, (i + 1) * 784);
      const expected = toFashionMnist(renderProductPhoto(pixels, PRODUCT_PHOTO_STYLES[i % 4]!));
      expect(photos.converted.slice(i * 784, (i + 1) * 784)).toEqual(expected);
    }
    // The photos are not the originals handed back: the round trip changes pixels.
    expect(Buffer.compare(Buffer.from(photos.converted), Buffer.from(test.images))).not.toBe(0);

    const result = productPhotoAccuracy(loaded.model, photos);
    const originals = Array.from({ length: 120 }, (_, i) => test.images.slice(i * 784, (i + 1) * 784));
    const converted = Array.from({ length: 120 }, (_, i) => photos.converted.slice(i * 784, (i + 1) * 784));
    const right = (images: Uint8Array[]) => predictProbabilities(loaded.model, images).filter((p, i) => argmax(p) === test.labels[i]).length;
    expect(result.count).toBe(120);
    expect(result.originalAccuracy).toBe(right(originals) / 120);
    expect(result.productPhotoAccuracy).toBe(right(converted) / 120);
    expect(result.perStyle.map((s) => s.count)).toEqual([30, 30, 30, 30]);
    const fromStyles = result.perStyle.reduce((n, s) => n + s.accuracy * s.count, 0) / 120;
    expect(fromStyles).toBeCloseTo(result.productPhotoAccuracy, 10);
    expect(result.perClassAccuracy).toHaveLength(10);
    // Per-class accuracies weighted by class counts give back the overall accuracy.
    const perClassCount = Array.from({ length: 10 }, (_, c) => test.labels.filter((l) => l === c).length);
    expect(result.originalPerClassAccuracy.reduce((n, a, c) => n + a * perClassCount[c]!, 0) / 120).toBeCloseTo(result.originalAccuracy, 10);
    expect(result.perClassAccuracy.reduce((n, a, c) => n + a * perClassCount[c]!, 0) / 120).toBeCloseTo(result.productPhotoAccuracy, 10);
    // A model trained on 500 images still reads most product photos as well as the originals.
    expect(result.productPhotoAccuracy).toBeGreaterThan(result.originalAccuracy - 0.15);
  });

  it('refuses an empty style list', () => {
    expect(() => convertAsProductPhotos({ images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 }, [])).toThrow(/at least one product-photo style/);
  });
});
