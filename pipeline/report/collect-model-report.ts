import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadFashionModel } from '../../core/model-loader.js';
import { predictAll } from '../eval/predict-all.js';
import { productPhotoAccuracy, type ProductPhotoSet } from '../eval/product-photo-accuracy.js';
import { countModelParams, summarizeModel } from '../models/model-summary.js';
import { confidentMistakes } from './confident-mistakes.js';
import type { ExportedModel } from './find-exported-models.js';
import { firstPredictions } from './first-predictions.js';
import type { ModelReport } from './report-types.js';

/** Bytes of the weight shards model.json names. */
function shardBytes(dir: string): number {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
  return modelJson.weightsManifest.flatMap((g) => g.paths).reduce((n, p) => n + statSync(join(dir, p)).size, 0);
}

/**
 * What the report shows about one exported model. The model is loaded through core's
 * loadFashionModel (the extension's path) with the weights it ships, then run on the test set
 * (photos.original) and on its product-photo conversions for the galleries and the robustness figures; training
 * figures come from its metadata.
 */
export async function collectModelReport(exported: ExportedModel, photos: ProductPhotoSet): Promise<ModelReport> {
  const { dir, metadata } = exported;
  const test = photos.original;
  const { model } = await loadFashionModel(`file://${resolve(dir, 'model.json')}`, metadata, join(dir, 'metadata.json'));
  try {
    const probabilities = predictAll(model, test.images, test.count);
    return {
      metadata,
      architecture: summarizeModel(model),
      params: countModelParams(model),
      shippedWeightBytes: shardBytes(dir),
      firstPredictions: firstPredictions(probabilities, test.labels, test.images, 10),
      confidentMistakes: confidentMistakes(probabilities, test.labels, test.images, 16),
      productPhoto: productPhotoAccuracy(model, photos, probabilities),
    };
  } finally {
    model.dispose();
  }
}
