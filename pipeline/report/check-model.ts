import type * as tf from '@tensorflow/tfjs-node';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelMetadata, ShopPhotoMetrics, TopAccuracy } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { makeSuiteImages, runSuite, type SuiteImages } from '../eval/robustness/robustness-suite.js';
import { predictShopPhotos, type ShopPhoto } from '../eval/shop-photos.js';
import type { RobustnessReport, ShopPhotoReport } from './report-types.js';

/** What the report checks every export on beyond the test set. */
export interface ReportChecks {
  /** The report's test images (for a suite it has to compute itself). */
  test: ImageSet;
  /** The project's real product photos, converted with core's conversion. */
  photos: readonly ShopPhoto[];
  /** The suite's changed test images, made on first use (only an export without recorded figures needs them). */
  suite: () => SuiteImages;
}

/** ReportChecks for `test` and `photos`; the suite images are made at most once, when first asked for. */
export function reportChecks(test: ImageSet, photos: readonly ShopPhoto[]): ReportChecks {
  let suite: SuiteImages | undefined;
  return { test, photos, suite: () => (suite ??= makeSuiteImages(test)) };
}

/** Test images a metadata.json's figures are on: its confusion matrix counts every one. */
const metadataTestImages = (m: ModelMetadata) => m.metrics.confusionMatrix.flat().reduce((a, b) => a + b, 0);

/** The model's suite figures: metadata.metrics.robustness verbatim, else runSuite on the report's test images. */
export function robustnessOf(model: tf.LayersModel, metadata: ModelMetadata, checks: ReportChecks): RobustnessReport {
  if (metadata.metrics.robustness) return { source: 'metadata', testImages: metadataTestImages(metadata), results: metadata.metrics.robustness };
  return { source: 'report', testImages: checks.test.count, results: runSuite(model, checks.suite()) };
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
 * The model's results on the real photos, predicted here with the exported weights in the model's
 * own mode (predictShopPhotos, core's conversion and prediction); the figures are
 * metadata.metrics.shopPhotos verbatim when recorded, and a disagreement is named.
 */
export function shopPhotosOf(model: tf.LayersModel, metadata: ModelMetadata, checks: ReportChecks): ShopPhotoReport {
  const { metrics, perPhoto } = predictShopPhotos(model, checks.photos, predictOptionsOf(metadata));
  const recorded = metadata.metrics.shopPhotos;
  if (!recorded) return { source: 'report', metrics, perPhoto };
  const differ = differences(recorded, metrics);
  return {
    source: 'metadata',
    metrics: recorded,
    perPhoto,
    ...(differ.length ? { disagreement: `${differ.join('; ')}. The photos or the weights changed since the pipeline recorded them; the pictures show the photos as they are now.` } : {}),
  };
}
