import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import { loadFashionModel } from '../../core/model-loader.js';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelId, ModelMetadata, QuantizationResult, WeightDtype } from '../../core/types.js';
import type { ImageSet } from '../data/image-set.js';
import { predictAll } from '../eval/predict-all.js';
import { scorePredictions } from '../eval/score-predictions.js';
import { chooseShippedVariant, SHIPPING_TOLERANCE } from './choose-shipped-variant.js';
import { layersModelFileContents, readLayersModelFiles, type LayersModelFiles } from './layers-model-files.js';
import { quantizeModelFiles } from './quantize-model-files.js';
import { withWeightHash } from './record-weight-hashes.js';
import { writeDirAtomically } from './write-dir-atomically.js';
import { stopIfAsked } from '../stop-requested.js';
import { METADATA_FILE, MODEL_FILE } from '../../core/model-folder.js';

/** The weight dtypes every model is exported in, float32 first (the reference the others are judged by). */
export const VARIANT_DTYPES: readonly WeightDtype[] = ['float32', 'float16', 'uint8'];

/** What quantizeAndChoose did for one model. */
export interface QuantizeOutcome {
  /** The variant now in <outDir>/models/<id>/ (what the extension build packages). */
  shipped: QuantizationResult;
  /** Every variant measured, in VARIANT_DTYPES order. */
  variants: QuantizationResult[];
  /** The shipped model's metadata.json as written (weights.dtype and weights.variants filled in). */
  metadata: ModelMetadata;
}

/**
 * Where a model's weight variants live: <outDir>/variants/<id>-<dtype>/{model.json, weights.bin,
 * metadata.json}. Outside models/ on purpose: models/<id>/ holds exactly what the extension ships,
 * so its size is the shipped size; each variant is a whole layers-format folder that loads on its
 * own; and the float32 one stays as the source to quantize from when models/<id>/ ships another.
 */
export function variantDir(outDir: string, id: ModelId, dtype: WeightDtype): string {
  return join(outDir, 'variants', `${id}-${dtype}`);
}

function readMetadata(dir: string): ModelMetadata {
  const path = join(dir, METADATA_FILE);
  if (!existsSync(path)) throw new Error(`${path} is missing; export the model first with \`npm run pipeline\`.`);
  return parseModelMetadata(JSON.parse(readFileSync(path, 'utf8')), path);
}

const metadataIn = (dir: string) => (existsSync(join(dir, METADATA_FILE)) ? readMetadata(dir) : undefined);

/**
 * The float32 export to quantize and the metadata to carry over. The pipeline exports a shipped
 * model's float32 weights to variants/<id>-float32, and only quantizeAndChoose writes
 * models/<id>, so a stop or a full disk during quantization never leaves unquantized weights
 * where the build picks them up (issue 12, item 12). An older layout's float32 models/<id> is
 * used when it is the newer export. The metadata is models/<id>'s when it is the same export
 * (its recorded checks carry over), else the float32 export's.
 */
function float32Source(outDir: string, id: ModelId): { dir: string; files: LayersModelFiles; metadata: ModelMetadata } {
  const modelDir = join(outDir, 'models', id);
  const variant = variantDir(outDir, id, 'float32');
  const shipped = metadataIn(modelDir);
  const saved = metadataIn(variant);
  if (shipped?.weights.dtype === 'float32' && (!saved || Date.parse(shipped.createdAt) > Date.parse(saved.createdAt))) {
    return { dir: modelDir, files: readLayersModelFiles(modelDir), metadata: shipped };
  }
  if (!saved) {
    const why = shipped ? `${modelDir} ships ${shipped.weights.dtype} weights` : `${modelDir} does not exist either`;
    throw new Error(`The float32 export to quantize from must be in ${variant}, but it is missing (${why}). Train and export the model again with \`npm run pipeline -- --models ${id}\`.`);
  }
  return { dir: variant, files: readLayersModelFiles(variant), metadata: shipped?.createdAt === saved.createdAt ? shipped : saved };
}

/** Test accuracy of the model in `dir`, loaded through core's loader (the extension's path). */
async function measureTestAccuracy(dir: string, metadata: ModelMetadata, test: ImageSet): Promise<number> {
  const { model } = await loadFashionModel(`file://${resolve(dir, MODEL_FILE)}`, metadata, join(dir, METADATA_FILE));
  try {
    return scorePredictions(predictAll(model, test.images, test.count, predictOptionsOf(metadata)), test.labels).accuracy;
  } finally {
    model.dispose();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

/**
 * Quantizes the float32 export of model `id` (float32Source) into every VARIANT_DTYPES weight
 * dtype (into variantDir), measures each one's accuracy on `data.test` as loaded back through
 * core's loadFashionModel, and ships the smallest within 0.2 points of float32
 * (chooseShippedVariant): models/<id>/ is replaced atomically by that variant's model.json +
 * weights.bin and a metadata.json whose weights record the choice, every variant's {dtype,
 * weightBytes, testAccuracy} and the shipped weights' SHA-256. Running it again re-measures from
 * the saved float32 variant. `shouldStop` is asked before each variant and before models/<id> is
 * written: a stop throws StopRequested and leaves models/<id> as it was.
 */
export async function quantizeAndChoose(outDir: string, id: ModelId, data: { test: ImageSet }, log: (line: string) => void = () => {}, shouldStop?: () => boolean): Promise<QuantizeOutcome> {
  const modelDir = join(outDir, 'models', id);
  const { dir: sourceDir, files: source, metadata } = float32Source(outDir, id);
  const built = new Map<WeightDtype, LayersModelFiles>();
  const variants: QuantizationResult[] = [];
  for (const dtype of VARIANT_DTYPES) {
    stopIfAsked(shouldStop, `the ${dtype} weights of ${id}`);
    const files = quantizeModelFiles(source, dtype);
    const variantMetadata: ModelMetadata = withWeightHash({ ...metadata, weights: { dtype } }, files.weightData);
    const dir = variantDir(outDir, id, dtype);
    // The float32 export in variants/ is the source itself: rewriting it would only need room for a second copy.
    if (dir !== sourceDir) writeDirAtomically(dir, { ...layersModelFileContents(files), [METADATA_FILE]: JSON.stringify(variantMetadata, null, 2) + '\n' });
    const testAccuracy = await measureTestAccuracy(dir, variantMetadata, data.test);
    built.set(dtype, files);
    variants.push({ dtype, weightBytes: files.weightData.length, testAccuracy });
  }
  stopIfAsked(shouldStop, `${modelDir} was written`);
  const shipped = chooseShippedVariant(variants);
  const shippedMetadata: ModelMetadata = withWeightHash({ ...metadata, weights: { dtype: shipped.dtype, variants } }, built.get(shipped.dtype)!.weightData);
  const metadataPath = join(modelDir, METADATA_FILE);
  parseModelMetadata(JSON.parse(JSON.stringify(shippedMetadata)), metadataPath);
  writeDirAtomically(modelDir, { ...layersModelFileContents(built.get(shipped.dtype)!), [METADATA_FILE]: JSON.stringify(shippedMetadata, null, 2) + '\n' });
  const figures = variants.map((v) => `${v.dtype} ${mib(v.weightBytes)} ${(v.testAccuracy * 100).toFixed(2)}%`).join(', ');
  log(`${id} weights on ${data.test.count.toLocaleString('en-US')} test images: ${figures}; ships ${shipped.dtype} (smallest within ${SHIPPING_TOLERANCE * 100} points of float32)`);
  return { shipped, variants, metadata: shippedMetadata };
}
