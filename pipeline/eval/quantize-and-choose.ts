import type { ModelContract } from '../../core/model-loader.js';
import type { PredictOptions } from '../../core/predict.js';
import type { QuantizationResult, WeightDtype } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { predictAll } from '../shared/predict-all.js';
import { scorePredictions } from '../shared/score-predictions.js';
import { stopIfAsked } from '../shared/stop-requested.js';
import { chooseShippedVariant, SHIPPING_TOLERANCE } from '../export/choose-shipped-variant.js';
import { loadModelFiles } from '../export/model-folder-io.js';
import type { LayersModelFiles } from '../models/model-to-files.js';
import { quantizeModelFiles } from '../export/quantize-model-files.js';

/** The weight dtypes every shipped model is measured in, float32 first (the reference the others are judged by). */
export const VARIANT_DTYPES: readonly WeightDtype[] = ['float32', 'float16', 'uint8'];

/** What quantizeAndChoose chose for one model. */
export interface QuantizeOutcome {
  /** The variant to ship. */
  shipped: QuantizationResult;
  /** The files to ship: the chosen variant's. */
  files: LayersModelFiles;
  /** metadata.json's weights (before their hash): the chosen dtype, and every variant measured, in VARIANT_DTYPES order. */
  weights: { dtype: WeightDtype; variants: QuantizationResult[] };
}

/** The float32 model to quantize, as training handed it on. */
export interface QuantizeSource {
  files: LayersModelFiles;
  contract: ModelContract;
  /** How the model is meant to be run. */
  options: PredictOptions;
  /** Its accuracy on `test`, measured by the evaluation. */
  testAccuracy: number;
}

/** Test accuracy of the model `files`, loaded through core's loader (the extension's path). */
async function measureTestAccuracy(files: LayersModelFiles, source: QuantizeSource, test: ImageSet, where: string): Promise<number> {
  const model = await loadModelFiles(files, source.contract, where);
  try {
    return scorePredictions(predictAll(model, test.images, test.count, source.options), test.labels).accuracy;
  } finally {
    model.dispose();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

/**
 * Quantizes the freshly trained float32 `source` (in memory) into every VARIANT_DTYPES weight
 * dtype, measures each quantized one's accuracy on `test` as loaded through core's loader, and
 * chooses the smallest within SHIPPING_TOLERANCE of float32 (chooseShippedVariant). float32's
 * figure is the evaluation's on the same `test` (source.testAccuracy), not measured again.
 * Nothing is written. `shouldStop` is asked before each variant (StopRequested).
 */
export async function quantizeAndChoose(source: QuantizeSource, test: ImageSet, log: (line: string) => void = () => {}, shouldStop?: () => boolean): Promise<QuantizeOutcome> {
  const { id } = source.contract;
  const built = new Map<WeightDtype, LayersModelFiles>();
  const variants: QuantizationResult[] = [];
  for (const dtype of VARIANT_DTYPES) {
    stopIfAsked(shouldStop, `the ${dtype} weights of ${id}`);
    const files = quantizeModelFiles(source.files, dtype);
    const testAccuracy = dtype === 'float32' ? source.testAccuracy : await measureTestAccuracy(files, source, test, `${id}'s ${dtype} weights`);
    built.set(dtype, files);
    variants.push({ dtype, weightBytes: files.weightData.length, testAccuracy });
  }
  const shipped = chooseShippedVariant(variants);
  const figures = variants.map((v) => `${v.dtype} ${mib(v.weightBytes)} ${(v.testAccuracy * 100).toFixed(2)}%`).join(', ');
  log(`${id} weights on ${test.count.toLocaleString('en-US')} test images: ${figures}; ships ${shipped.dtype} (smallest within ${SHIPPING_TOLERANCE * 100} points of float32)`);
  return { shipped, files: built.get(shipped.dtype)!, weights: { dtype: shipped.dtype, variants } };
}

/** What a model that is not quantized ships: its float32 files as they are. */
export const asFloat32 = (files: LayersModelFiles) => ({ files, weights: { dtype: 'float32' as const } });
