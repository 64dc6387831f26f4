import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_FILE, weightPaths } from '../../core/model-folder.js';
import { predictOptionsOf } from '../../core/predict.js';
import { predictAll } from '../shared/predict-all.js';
import type { ProductPhotoSet } from '../eval/product-photo-accuracy.js';
import { countModelParams, summarizeModel } from '../models/model-summary.js';
import type { ShopPhoto } from '../eval/shop-photos.js';
import { robustnessOf, shopPhotosOf } from './recorded-checks.js';
import { confidentMistakes } from './confident-mistakes.js';
import type { ExportedModel } from './find-exported-models.js';
import { firstPredictions } from './first-predictions.js';
import type { CheckedModel, ModelReport } from './report-types.js';
import { roundTripAccuracy } from '../eval/product-photo-accuracy.js';
import { withExportedModel } from './with-exported-model.js';

/** Bytes of the weight shards model.json names. */
function shardBytes(dir: string): number {
  const paths = weightPaths(JSON.parse(readFileSync(join(dir, MODEL_FILE), 'utf8'))) ?? [];
  return paths.reduce((n, p) => n + statSync(join(dir, p)).size, 0);
}

/**
 * What the report shows about one shipped model. The model is loaded through core's
 * loadFashionModel (the extension's path) with the weights it ships and run the way its metadata
 * says it is meant to be run (predictOptionsOf: alone or mirror-averaged) on the test images
 * (photos.original) and their round-trip conversions, for the galleries and the round trip; then
 * checked on the robustness suite and the real photos (checkedModel). Training figures come from
 * its metadata.
 */
export async function collectModelReport(exported: ExportedModel, photos: ProductPhotoSet, shopPhotos: readonly ShopPhoto[]): Promise<ModelReport> {
  const { dir, metadata } = exported;
  const test = photos.original;
  const options = predictOptionsOf(metadata);
  return withExportedModel(exported, (model) => {
    const probabilities = predictAll(model, test.images, test.count, options);
    const converted = predictAll(model, photos.converted, test.count, options);
    return {
      folder: exported.folder,
      metadata,
      robustness: robustnessOf(metadata),
      shopPhotos: shopPhotosOf(model, metadata, shopPhotos),
      architecture: summarizeModel(model),
      params: countModelParams(model),
      shippedWeightBytes: shardBytes(dir),
      firstPredictions: firstPredictions(probabilities, test.labels, test.images, 10),
      confidentMistakes: confidentMistakes(probabilities, test.labels, test.images, 16),
      roundTrip: roundTripAccuracy(photos, probabilities, converted),
    };
  });
}

/** A comparison export (comparisons/<name>) checked on the robustness suite and the real photos, with its own weights and mode. */
export async function collectCheckedModel(exported: ExportedModel, shopPhotos: readonly ShopPhoto[]): Promise<CheckedModel> {
  const { folder, metadata } = exported;
  return withExportedModel(exported, (model) => ({ folder, metadata, robustness: robustnessOf(metadata), shopPhotos: shopPhotosOf(model, metadata, shopPhotos) }));
}
