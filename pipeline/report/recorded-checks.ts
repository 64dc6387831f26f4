import type * as tf from '@tensorflow/tfjs-node';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelMetadata, ShopPhotoMetrics, TopAccuracy } from '../../core/types.js';
import { predictShopPhotos, type ShopPhoto } from '../eval/shop-photos.js';
import type { RobustnessReport, ShopPhotoReport } from './report-types.js';

/** Test images a metadata.json's figures are on: its confusion matrix counts every one. */
const metadataTestImages = (m: ModelMetadata) => m.metrics.confusionMatrix.flat().reduce((a, b) => a + b, 0);

/** The model's suite figures, as the pipeline recorded them in metadata.metrics.robustness. */
export function robustnessOf(metadata: ModelMetadata): RobustnessReport {
  return { testImages: metadataTestImages(metadata), results: metadata.metrics.robustness };
}

const hits = (a: TopAccuracy) => `top-1 ${Math.round(a.top1 * a.count)}/${a.count}, top-3 ${Math.round(a.top3 * a.count)}/${a.count}`;

/** How `recorded` differs from `now` in photos right, in words (empty when they agree). */
function differences(recorded: ShopPhotoMetrics, now: ShopPhotoMetrics): string[] {
  const pairs: [string, TopAccuracy, TopAccuracy][] = [
    ['alone', recorded.overall, now.overall],
    ['mirror-averaged', recorded.mirrorAveraged, now.mirrorAveraged],
  ];
  return pairs.filter(([, a, b]) => hits(a) !== hits(b)).map(([how, a, b]) => `${how}: metadata.json records ${hits(a)}, the photos now give ${hits(b)}`);
}

/**
 * The model's results on the real photos: the figures are metadata.metrics.shopPhotos verbatim;
 * each photo is predicted here with the exported weights in the model's own mode
 * (predictShopPhotos, core's conversion and prediction), and a disagreement with the recorded
 * figures is named.
 */
export function shopPhotosOf(model: tf.LayersModel, metadata: ModelMetadata, photos: readonly ShopPhoto[]): ShopPhotoReport {
  const { metrics, perPhoto } = predictShopPhotos(model, photos, predictOptionsOf(metadata));
  const recorded = metadata.metrics.shopPhotos;
  const differ = differences(recorded, metrics);
  return {
    metrics: recorded,
    perPhoto,
    ...(differ.length ? { disagreement: `${differ.join('; ')}. The photos or the weights changed since the pipeline recorded them; the pictures show the photos as they are now.` } : {}),
  };
}
