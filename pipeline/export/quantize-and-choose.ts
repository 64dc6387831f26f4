import { predictOptionsOf } from '../../core/predict.js';
import type { QuantizationResult, WeightDtype } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { predictAll } from '../eval/predict-all.js';
import { scorePredictions } from '../eval/score-predictions.js';
import { stopIfAsked } from '../stop-requested.js';
import { chooseShippedVariant, SHIPPING_TOLERANCE } from './choose-shipped-variant.js';
import { loadModelFolder, type LayersModelFiles, type ModelFolder } from './model-folder-io.js';
import { quantizeModelFiles } from './quantize-model-files.js';

/** The weight dtypes every shipped model is measured in, float32 first (the reference the others are judged by). */
export const VARIANT_DTYPES: readonly WeightDtype[] = ['float32', 'float16', 'uint8'];

/** What quantizeAndChoose chose for one model. */
export interface QuantizeOutcome {
  /** The variant to ship. */
  shipped: QuantizationResult;
  /** Every variant measured, in VARIANT_DTYPES order. */
  variants: QuantizationResult[];
  /** The folder to ship: the chosen variant's files, metadata with weights.dtype and weights.variants filled in. */
  folder: ModelFolder;
}

/** Test accuracy of the in-memory `folder`, loaded through core's loader (the extension's path). */
async function measureTestAccuracy(folder: ModelFolder, test: ImageSet, where: string): Promise<number> {
  const model = await loadModelFolder(folder, where);
  try {
    return scorePredictions(predictAll(model, test.images, test.count, predictOptionsOf(folder.metadata)), test.labels).accuracy;
  } finally {
    model.dispose();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

/**
 * Quantizes the freshly trained float32 `source` (in memory) into every VARIANT_DTYPES weight
 * dtype, measures each quantized one's accuracy on `test` as loaded through core's
 * loadFashionModel, and chooses the smallest within SHIPPING_TOLERANCE of float32
 * (chooseShippedVariant). float32's figure is the one training measured on the same `test`
 * (source.metadata.metrics.testAccuracy), not measured again. Nothing is written: the caller
 * writes the returned folder once. `shouldStop` is asked before each variant (StopRequested).
 */
export async function quantizeAndChoose(source: ModelFolder, test: ImageSet, log: (line: string) => void = () => {}, shouldStop?: () => boolean): Promise<QuantizeOutcome> {
  const { id } = source.metadata;
  const built = new Map<WeightDtype, LayersModelFiles>();
  const variants: QuantizationResult[] = [];
  for (const dtype of VARIANT_DTYPES) {
    stopIfAsked(shouldStop, `the ${dtype} weights of ${id}`);
    const files = quantizeModelFiles(source.files, dtype);
    const testAccuracy =
      dtype === 'float32' ? source.metadata.metrics.testAccuracy : await measureTestAccuracy({ files, metadata: { ...source.metadata, weights: { dtype } } }, test, `${id}'s ${dtype} weights`);
    built.set(dtype, files);
    variants.push({ dtype, weightBytes: files.weightData.length, testAccuracy });
  }
  const shipped = chooseShippedVariant(variants);
  const figures = variants.map((v) => `${v.dtype} ${mib(v.weightBytes)} ${(v.testAccuracy * 100).toFixed(2)}%`).join(', ');
  log(`${id} weights on ${test.count.toLocaleString('en-US')} test images: ${figures}; ships ${shipped.dtype} (smallest within ${SHIPPING_TOLERANCE * 100} points of float32)`);
  return { shipped, variants, folder: { files: built.get(shipped.dtype)!, metadata: { ...source.metadata, weights: { dtype: shipped.dtype, variants } } } };
}
