import type { io } from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatBytes } from '../../core/concat-bytes.js';
import { MODEL_FILE, WEIGHTS_FILE, weightPaths } from '../../core/model-folder.js';

/** A tf.js layers-format model as files: model.json and its weight bytes (all shards joined, in manifest order). */
export interface LayersModelFiles {
  /** The parsed model.json (topology + weightsManifest). */
  modelJson: io.ModelJSON;
  /** Every weight's bytes, back to back in manifest order (what the shards hold when joined). */
  weightData: Uint8Array;
}

export { WEIGHTS_FILE };

/**
 * Reads <dir>/model.json and the weight shards it names, joined in manifest order (tf.js reads
 * them the same way: groups in order, paths in order, weights back to back). Throws a sentence
 * naming the missing or broken file.
 */
export function readLayersModelFiles(dir: string): LayersModelFiles {
  const path = join(dir, MODEL_FILE);
  if (!existsSync(path)) throw new Error(`${path} is missing; export the model first with \`npm run pipeline\`.`);
  let modelJson: io.ModelJSON;
  try {
    modelJson = JSON.parse(readFileSync(path, 'utf8')) as io.ModelJSON;
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); export the model again with \`npm run pipeline\`.`);
  }
  const paths = weightPaths(modelJson);
  if (paths === null) {
    throw new Error(`${path} has no weightsManifest, so it is not a tf.js layers model with weights; export it again with \`npm run pipeline\`.`);
  }
  const shards = paths.map((p) => {
    const shard = join(dir, p);
    if (!existsSync(shard)) throw new Error(`${path} needs the weight file ${p}, which is missing from ${dir}; export the model again with \`npm run pipeline\`.`);
    return readFileSync(shard);
  });
  return { modelJson, weightData: concatBytes(shards) };
}

/** The files to write for `files`: model.json (one shard, WEIGHTS_FILE) and the shard itself. */
export function layersModelFileContents(files: LayersModelFiles): Record<string, string | Uint8Array> {
  const weights = files.modelJson.weightsManifest.flatMap((group) => group.weights);
  const modelJson: io.ModelJSON = { ...files.modelJson, weightsManifest: [{ paths: [WEIGHTS_FILE], weights }] };
  return { [MODEL_FILE]: JSON.stringify(modelJson), [WEIGHTS_FILE]: files.weightData };
}
