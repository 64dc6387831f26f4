import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFashionMnist } from '../../../../core/conversion/to-fashion-mnist.js';
import { loadFashionModel } from '../../../../core/model-loader.js';
import type { LoadedFashionModel } from '../../../../core/model-loader.js';
import { predictProbabilities } from '../../../../core/predict.js';
import { topK } from '../../../../core/top-k.js';
import type { ModelMetadata } from '../../../../core/types.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { predictAll } from '../../../../pipeline/shared/predict-all.js';
import { convertAsProductPhotos, roundTripAccuracy } from '../../../../pipeline/eval/product-photo-accuracy.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto } from '../../../../pipeline/eval/render-product-photo.js';
import { loadShopPhotos, predictShopPhotos, type ShopPhoto } from '../../../../pipeline/eval/shop-photos.js';
import { robustnessOf, shopPhotosOf } from '../../../../pipeline/report/recorded-checks.js';
import { collectModelReport } from '../../../../pipeline/report/collect-model-report.js';
import { findExportedModels, type ExportedModel } from '../../../../pipeline/report/find-exported-models.js';
import { SUITE } from './report-fixtures.js';
import { quickExport } from '../export/quantize-fixtures.js';

let out: string;
let loaded: LoadedFashionModel;
let lenet: ExportedModel;
let data: FashionMnist;
let photos: ShopPhoto[];
beforeAll(async () => {
  out = quickExport('fashion-lens-product-photos-');
  lenet = findExportedModels(out).find((m) => m.metadata.id === 'lenet5')!;
  loaded = await loadFashionModel(`file://${resolve(lenet.dir, 'model.json')}`, lenet.metadata, join(lenet.dir, 'metadata.json'));
  data = await loadFashionMnist();
  photos = await loadShopPhotos();
}, 600_000);
afterAll(() => {
  loaded?.model.dispose();
  rmSync(out, { recursive: true, force: true });
});

const argmax = (p: Float32Array) => p.indexOf(Math.max(...p));

describe('product-photo accuracy', () => {
  it('converts image i with style i mod 4 through core, and scores both inputs like core\'s predict does', async () => {
    const test = takeFirst(data.test, 120);
    const photos = convertAsProductPhotos(test);
    expect(photos.converted).toHaveLength(120 * 784);
    for (const i of [0, 1, 6, 119]) {
      const pixels = test.images.slice(i * 784, (i + 1) * 784);
      const expected = toFashionMnist(renderProductPhoto(pixels, PRODUCT_PHOTO_STYLES[i % 4]!));
      expect(photos.converted.slice(i * 784, (i + 1) * 784)).toEqual(expected);
    }
    // The photos are not the originals handed back: the round trip changes pixels.
    expect(Buffer.compare(Buffer.from(photos.converted), Buffer.from(test.images))).not.toBe(0);

    const result = roundTripAccuracy(photos, predictAll(loaded.model, test.images, 120), predictAll(loaded.model, photos.converted, 120));
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

/** The quick export's metadata with the prediction mode and recorded figures set as a test needs. */
function metadataWith(mirrorAverage: boolean, recorded: Partial<Pick<ModelMetadata['metrics'], 'robustness' | 'shopPhotos'>> = {}): ModelMetadata {
  return { ...lenet.metadata, metrics: { ...lenet.metadata.metrics, ...recorded }, prediction: { mirrorAverage, why: 'test' } };
}

const images = (set: Uint8Array, count: number) => Array.from({ length: count }, (_, i) => set.slice(i * 784, (i + 1) * 784));

describe("the conversion's round trip, scored in the model's own mode", () => {
  it('scores mirror-averaged probabilities when given them', () => {
    const test = takeFirst(data.test, 80);
    const set = convertAsProductPhotos(test);
    const mirror = { mirrorAverage: true };
    const averaged = roundTripAccuracy(set, predictAll(loaded.model, test.images, 80, mirror), predictAll(loaded.model, set.converted, 80, mirror));
    const right = (imgs: Uint8Array[]) => predictProbabilities(loaded.model, imgs, mirror).filter((p, i) => argmax(p) === test.labels[i]).length / 80;
    expect(averaged.originalAccuracy).toBe(right(images(test.images, 80)));
    expect(averaged.productPhotoAccuracy).toBe(right(images(set.converted, 80)));
    expect(averaged.perStyle.reduce((n, s) => n + s.accuracy * s.count, 0) / 80).toBeCloseTo(averaged.productPhotoAccuracy, 10);
  });
});

describe('the checks of an export: the robustness suite and the real photos', () => {
  it('reads the suite figures the pipeline recorded, on the test images its confusion matrix counts', () => {
    const recorded = robustnessOf(metadataWith(false, { robustness: SUITE }));
    expect(recorded).toEqual({ testImages: lenet.metadata.metrics.confusionMatrix.flat().reduce((a, b) => a + b, 0), results: SUITE });
  });

  it('predicts each real photo with the exported weights in the model\'s own mode, figures verbatim when recorded', () => {
    for (const mirrorAverage of [false, true]) {
      const now = predictShopPhotos(loaded.model, photos, { mirrorAverage }).metrics;
      const fresh = shopPhotosOf(loaded.model, metadataWith(mirrorAverage, { shopPhotos: now }), photos);
      expect(fresh.metrics).toEqual(now);
      expect(fresh.disagreement).toBeUndefined();
      const probabilities = predictProbabilities(loaded.model, photos.map((p) => p.input), { mirrorAverage });
      expect(fresh.perPhoto).toHaveLength(36);
      expect(fresh.perPhoto.map((r) => r.top3)).toEqual(probabilities.map((p) => topK(p, 3)));
      expect(fresh.perPhoto.map((r) => r.correctTop1)).toEqual(probabilities.map((p, i) => argmax(p) === photos[i]!.label));
      expect(fresh.perPhoto[0]!.input).toEqual(photos[0]!.input);
    }
  });

  it('names a disagreement between recorded figures and the photos as they are now', () => {
    const now = predictShopPhotos(loaded.model, photos, { mirrorAverage: false }).metrics;
    const right = Math.round(now.overall.top1 * 36);
    const stale = { ...now, overall: { ...now.overall, top1: (right === 36 ? 35 : right + 1) / 36 } };
    const report = shopPhotosOf(loaded.model, metadataWith(false, { shopPhotos: stale }), photos);
    expect(report.metrics).toEqual(stale);
    expect(report.disagreement).toContain(`alone: metadata.json records top-1 ${right === 36 ? 35 : right + 1}/36`);
    expect(report.disagreement).toContain(`the photos now give top-1 ${right}/36`);
    expect(report.disagreement).not.toContain('mirror-averaged:');
  });

  it('runs the galleries and the round trip mirror-averaged when the metadata says so', async () => {
    const test = takeFirst(data.test, 40);
    const set = convertAsProductPhotos(test);
    for (const mirrorAverage of [false, true]) {
      const report = await collectModelReport({ ...lenet, metadata: metadataWith(mirrorAverage, { robustness: SUITE }) }, set, photos);
      const expected = predictProbabilities(loaded.model, images(test.images, 10), { mirrorAverage }).map((p) => topK(p, 3));
      // The same classes in the same order; probabilities equal up to float noise (another batch size).
      expect(report.firstPredictions.map((g) => g.top.map((t) => t.index))).toEqual(expected.map((top) => top.map((t) => t.index)));
      report.firstPredictions.forEach((g, i) => g.top.forEach((t, k) => expect(t.probability).toBeCloseTo(expected[i]![k]!.probability, 5)));
      const otherMode = predictProbabilities(loaded.model, images(test.images, 10), { mirrorAverage: !mirrorAverage }).map((p) => topK(p, 3));
      expect(report.firstPredictions.some((g, i) => Math.abs(g.top[0]!.probability - otherMode[i]![0]!.probability) > 1e-3)).toBe(true);
      expect(report.roundTrip).toEqual(roundTripAccuracy(set, predictAll(loaded.model, test.images, 40, { mirrorAverage }), predictAll(loaded.model, set.converted, 40, { mirrorAverage })));
      expect(report.folder).toBe('models/lenet5');
      expect(report.robustness.results).toEqual(SUITE);
      expect(report.shopPhotos.perPhoto).toEqual(predictShopPhotos(loaded.model, photos, { mirrorAverage }).perPhoto);
    }
  });
});
