import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from './model-contract.js';
// Registers the custom layers (Standardize, ScaledTanh, ...) that model.json names.
import './layers/index.js';
import { parseModelMetadata } from './metadata/parse-model-metadata.js';
import type { ModelMetadata } from './types.js';
import { checkWeightHash } from './weight-hash.js';
import { countParameters } from './count-parameters.js';
import { ModelContractError } from './model-contract-error.js';

/** A loaded model and its validated metadata. */
export interface LoadedFashionModel {
  /** The model: raw 0..255 pixels [n, 28, 28, 1] in, 10 probabilities out. */
  model: tf.LayersModel;
  /** Its metadata.json, validated. */
  metadata: ModelMetadata;
}

const FIX = 'Run `npm run pipeline` to export the models again, then rebuild the extension with `npm run build`.';

/** How loadFashionModel names the model and what to do in its errors. */
export interface LoadOptions {
  /** Names the model in errors when `model` is an IOHandler (default: "the given model source"). */
  source?: string;
  /** What to do, the last sentence of every error (default: export again, then rebuild the extension). */
  fix?: string;
}

/** What the contract checks of a loaded model need from its metadata (a folder the pipeline still holds in memory has no hash yet). */
export type ModelContract = Pick<ModelMetadata, 'id' | 'displayName' | 'trainableParams'> & { weights: { sha256?: string } };

/**
 * Loads a Fashion Lens model in the tf.js layers format: the metadata is validated first (a model
 * whose metadata fails the schema is refused), then the model is loaded, its weights checked
 * against the SHA-256 the metadata records (weights.sha256), and it is checked against the
 * contract (loadContractModel). `model` is a model.json URL (http(s)://, or file:// under
 * tfjs-node) or an IOHandler; `where` names the metadata file in errors. The pipeline's
 * round-trip tests and the extension both load through here.
 */
export async function loadFashionModel(model: string | tf.io.IOHandler, metadataJson: unknown, where: string, options: LoadOptions = {}): Promise<LoadedFashionModel> {
  const metadata = parseModelMetadata(metadataJson, where);
  return { model: await loadContractModel(model, metadata, where, options), metadata };
}

/**
 * Loads a model and checks it against the contract: its weights against `contract.weights.sha256`
 * when given, input [null, 28, 28, 1], output [null, 10], and the trainable parameter count the
 * metadata records. For a folder whose metadata is still being made (the pipeline measures its
 * weight variants before it writes them); everything else loads through loadFashionModel.
 */
export async function loadContractModel(model: string | tf.io.IOHandler, contract: ModelContract, where: string, options: LoadOptions = {}): Promise<tf.LayersModel> {
  const metadata = contract;
  const source = typeof model === 'string' ? model : (options.source ?? 'the given model source');
  const fix = options.fix ?? FIX;
  const sentence = (text: string) => (fix ? `${text} ${fix}` : text);
  const name = `the ${metadata.displayName} model (${metadata.id})`;
  const expected = metadata.weights.sha256;
  let loaded: tf.LayersModel;
  try {
    const handler = typeof model === 'string' ? (tf.io.getLoadHandlers(model)[0] ?? tf.io.http(model)) : model;
    loaded = await tf.loadLayersModel(expected === undefined ? handler : checkWeightHash(handler, expected, source, where));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ModelContractError(sentence(`Could not load ${name} from ${source}: ${reason.replace(/\.$/, '')}.`), { cause });
  }
  const problems: string[] = [];
  const inputShape = JSON.stringify(loaded.inputs.map((t) => t.shape));
  const outputShape = JSON.stringify(loaded.outputs.map((t) => t.shape));
  if (inputShape !== JSON.stringify([[null, IMAGE_SIZE, IMAGE_SIZE, 1]])) problems.push(`its input shape is ${inputShape}, not [[null,${IMAGE_SIZE},${IMAGE_SIZE},1]]`);
  if (outputShape !== JSON.stringify([[null, NUM_CLASSES]])) problems.push(`its output shape is ${outputShape}, not [[null,${NUM_CLASSES}]]`);
  const trainable = countParameters(loaded.trainableWeights);
  if (trainable !== metadata.trainableParams) problems.push(`it has ${trainable} trainable parameters but ${where} says ${metadata.trainableParams} (model and metadata come from different exports)`);
  if (problems.length > 0) {
    loaded.dispose();
    throw new ModelContractError(sentence(`${source} is not a usable Fashion Lens model: ${problems.join('; ')}.`));
  }
  return loaded;
}
