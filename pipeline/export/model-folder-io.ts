import type { io } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes } from '../../core/concat-bytes.js';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import { loadFashionModel } from '../../core/model-loader.js';
import { METADATA_FILE, MODEL_FILE, WEIGHTS_FILE, weightPaths } from '../../core/model-folder.js';
import type { ModelMetadata } from '../../core/types.js';
import { sha256Hex } from '../data/sha256-hex.js';
import { writeFileAtomically } from '../data/write-file-atomically.js';
import { writeDirAtomically } from './write-dir-atomically.js';

// The Node side of the model folder (core/model-folder.ts holds its pure knowledge): reading one
// and validating it, writing one atomically, and loading one held in memory through core's loader.
// The pipeline builds a folder in memory (training, then quantization, then the checks) and
// writes it once.

/** A tf.js layers-format model as files: model.json and its weight bytes (all shards joined, in manifest order). */
export interface LayersModelFiles {
  /** The parsed model.json (topology + weightsManifest). */
  modelJson: io.ModelJSON;
  /** Every weight's bytes, back to back in manifest order (what the shards hold when joined). */
  weightData: Uint8Array;
}

/** A whole model folder, in memory: the model's files and its metadata. */
export interface ModelFolder {
  files: LayersModelFiles;
  metadata: ModelMetadata;
}

const EXPORT_AGAIN = 'export the model again with `npm run pipeline`.';

/** `metadata` with weights.sha256 set to the SHA-256 of `weightData` (what core's loader and the extension build check). */
export function withWeightHash(metadata: ModelMetadata, weightData: Uint8Array): ModelMetadata {
  return { ...metadata, weights: { ...metadata.weights, sha256: sha256Hex(weightData) } };
}

/** Validates `metadata` with core's schema (throws a sentence naming `where` and each problem); returns it as JSON, parsed back. */
function checkedMetadata(metadata: ModelMetadata, where: string): ModelMetadata {
  return parseModelMetadata(JSON.parse(JSON.stringify(metadata)), where);
}

/** The JSON in `path`, or a sentence naming the file when it is not JSON. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); ${EXPORT_AGAIN}`);
  }
}

/** <dir>/metadata.json, validated by core's schema. Throws a sentence naming the file when it is missing, not JSON or invalid. */
export function readModelMetadata(dir: string): ModelMetadata {
  const path = join(dir, METADATA_FILE);
  if (!existsSync(path)) throw new Error(`${path} is missing, so ${dir} is not a model export; ${EXPORT_AGAIN}`);
  return parseModelMetadata(readJson(path), path);
}

/**
 * Reads <dir>/model.json and the weight shards it names, joined in manifest order (tf.js reads
 * them the same way: groups in order, paths in order, weights back to back). Throws a sentence
 * naming the missing or broken file.
 */
export function readLayersModelFiles(dir: string): LayersModelFiles {
  const path = join(dir, MODEL_FILE);
  if (!existsSync(path)) throw new Error(`${path} is missing; export the model first with \`npm run pipeline\`.`);
  const modelJson = readJson(path) as io.ModelJSON;
  const paths = weightPaths(modelJson);
  if (paths === null) throw new Error(`${path} has no weightsManifest, so it is not a tf.js layers model with weights; ${EXPORT_AGAIN}`);
  const shards = paths.map((p) => {
    const shard = join(dir, p);
    if (!existsSync(shard)) throw new Error(`${path} needs the weight file ${p}, which is missing from ${dir}; ${EXPORT_AGAIN}`);
    return readFileSync(shard);
  });
  return { modelJson, weightData: concatBytes(shards) };
}

/** The whole folder `dir`: its model files and its validated metadata. */
export function readModelFolder(dir: string): ModelFolder {
  return { metadata: readModelMetadata(dir), files: readLayersModelFiles(dir) };
}

/** The files to write for `files`: model.json (one shard, WEIGHTS_FILE) and the shard itself. */
export function layersModelFileContents(files: LayersModelFiles): Record<string, string | Uint8Array> {
  const weights = files.modelJson.weightsManifest.flatMap((group) => group.weights);
  const modelJson: io.ModelJSON = { ...files.modelJson, weightsManifest: [{ paths: [WEIGHTS_FILE], weights }] };
  return { [MODEL_FILE]: JSON.stringify(modelJson), [WEIGHTS_FILE]: files.weightData };
}

const metadataText = (metadata: ModelMetadata) => JSON.stringify(metadata, null, 2) + '\n';

/**
 * Writes `folder` as <dir>/{model.json, weights.bin, metadata.json} in one atomic folder replace
 * (writeDirAtomically): a crash or Ctrl-C never leaves a half-written model where the extension
 * build would pick it up. The metadata is validated by core's schema before anything is written
 * and records the weights' SHA-256. Returns the metadata as written.
 */
export function writeModelFolder(dir: string, folder: ModelFolder): ModelMetadata {
  const metadata = checkedMetadata(withWeightHash(folder.metadata, folder.files.weightData), join(dir, METADATA_FILE));
  writeDirAtomically(dir, { ...layersModelFileContents(folder.files), [METADATA_FILE]: metadataText(metadata) });
  return metadata;
}

/** Replaces <dir>/metadata.json alone (atomically), after validating `metadata`: for tools that repair an older export's metadata. */
export async function writeModelMetadata(dir: string, metadata: ModelMetadata): Promise<void> {
  const path = join(dir, METADATA_FILE);
  await writeFileAtomically(path, new TextEncoder().encode(metadataText(checkedMetadata(metadata, path))));
}

/**
 * Loads the in-memory `folder` through core's loadFashionModel (the extension's checks: schema,
 * contract, and the weight hash when the metadata records one; a folder the pipeline is still
 * building records none, since its bytes never left memory and writeModelFolder hashes them).
 * `where` names it in errors. The caller disposes the model.
 */
export async function loadModelFolder(folder: ModelFolder, where: string): Promise<tf.LayersModel> {
  const { modelJson, weightData } = folder.files;
  const weights = modelJson.weightsManifest.flatMap((group) => group.weights);
  const handler = tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: weights,
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) as ArrayBuffer,
  });
  const { model } = await loadFashionModel(handler, JSON.parse(JSON.stringify(folder.metadata)), `${where} (metadata)`, { source: where });
  return model;
}
