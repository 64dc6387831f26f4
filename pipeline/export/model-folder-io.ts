import type { io } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes } from '../../core/concat-bytes.js';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import { loadContractModel, type ModelContract } from '../../core/model-loader.js';
import { METADATA_FILE, MODEL_FILE, weightPaths } from '../../core/model-folder.js';
import type { ModelMetadata } from '../../core/types.js';
import { sha256Hex } from '../shared/sha256-hex.js';
import { UserError } from '../shared/user-error.js';
import { layersModelFileContents, type LayersModelFiles } from '../models/model-to-files.js';
import { writeDirAtomically } from '../shared/write-dir-atomically.js';

// The Node side of the model folder (core/model-folder.ts holds its pure knowledge): reading one
// and validating it, writing one atomically, and loading one held in memory through core's loader.
// The pipeline builds a folder in memory (training, then quantization, then the checks) and
// writes it once.

/** A whole model folder, in memory: the model's files and its metadata. */
export interface ModelFolder {
  files: LayersModelFiles;
  metadata: ModelMetadata;
}

const EXPORT_AGAIN = 'export the model again with `npm run pipeline`.';

/** Validates `metadata` with core's schema (throws a sentence naming `where` and each problem); returns it as JSON, parsed back. */
function checkedMetadata(metadata: ModelMetadata, where: string): ModelMetadata {
  return parseModelMetadata(JSON.parse(JSON.stringify(metadata)), where);
}

/** The JSON in `path`, or a sentence naming the file when it is not JSON. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UserError('model-folder', `${path} is not valid JSON (${(error as Error).message}); ${EXPORT_AGAIN}`);
  }
}

/** <dir>/metadata.json, validated by core's schema. Throws a sentence naming the file when it is missing, not JSON or invalid. */
export function readModelMetadata(dir: string): ModelMetadata {
  const path = join(dir, METADATA_FILE);
  if (!existsSync(path)) throw new UserError('model-folder', `${path} is missing, so ${dir} is not a model export; ${EXPORT_AGAIN}`);
  return parseModelMetadata(readJson(path), path);
}

/**
 * Reads <dir>/model.json and the weight shards it names, joined in manifest order (tf.js reads
 * them the same way: groups in order, paths in order, weights back to back). Throws a sentence
 * naming the missing or broken file.
 */
export function readLayersModelFiles(dir: string): LayersModelFiles {
  const path = join(dir, MODEL_FILE);
  if (!existsSync(path)) throw new UserError('model-folder', `${path} is missing; export the model first with \`npm run pipeline\`.`);
  const modelJson = readJson(path) as io.ModelJSON;
  const paths = weightPaths(modelJson);
  if (paths === null) throw new UserError('model-folder', `${path} has no weightsManifest, so it is not a tf.js layers model with weights; ${EXPORT_AGAIN}`);
  const shards = paths.map((p) => {
    const shard = join(dir, p);
    if (!existsSync(shard)) throw new UserError('model-folder', `${path} needs the weight file ${p}, which is missing from ${dir}; ${EXPORT_AGAIN}`);
    return readFileSync(shard);
  });
  return { modelJson, weightData: concatBytes(shards) };
}

/** The whole folder `dir`: its model files and its validated metadata. */
export function readModelFolder(dir: string): ModelFolder {
  return { metadata: readModelMetadata(dir), files: readLayersModelFiles(dir) };
}

const metadataText = (metadata: ModelMetadata) => JSON.stringify(metadata, null, 2) + '\n';

/**
 * Writes `folder` as <dir>/{model.json, weights.bin, metadata.json} in one atomic folder replace
 * (writeDirAtomically): a crash or Ctrl-C never leaves a half-written model where the extension
 * build would pick it up. The metadata is validated by core's schema before anything is written,
 * and must record the SHA-256 of these weights. Returns the metadata as written.
 */
export function writeModelFolder(dir: string, folder: ModelFolder): ModelMetadata {
  const metadata = checkedMetadata(folder.metadata, join(dir, METADATA_FILE));
  if (metadata.weights.sha256 !== sha256Hex(folder.files.weightData)) throw new Error(`The metadata for ${dir} records the SHA-256 of other weights than the ones to be written; nothing was written.`);
  writeDirAtomically(dir, { ...layersModelFileContents(folder.files), [METADATA_FILE]: metadataText(metadata) });
  return metadata;
}

/**
 * Loads the model `files` held in memory through core's loadContractModel (the extension's
 * contract checks; the weight hash when `contract` records one). `where` names it in errors. The
 * caller disposes the model.
 */
export async function loadModelFiles(files: LayersModelFiles, contract: ModelContract, where: string): Promise<tf.LayersModel> {
  const { modelJson, weightData } = files;
  const weights = modelJson.weightsManifest.flatMap((group) => group.weights);
  const handler = tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: weights,
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) as ArrayBuffer,
  });
  return loadContractModel(handler, contract, `${where} (metadata)`, { source: where });
}
