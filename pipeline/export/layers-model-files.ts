import type { io } from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tf.js layers-format model as files: model.json and its weight bytes (all shards joined, in manifest order). */
export interface LayersModelFiles {
  /** The parsed model.json (topology + weightsManifest). */
  modelJson: io.ModelJSON;
  /** Every weight's bytes, back to back in manifest order (what the shards hold when joined). */
  weightData: Uint8Array;
}

/** The one weight shard this exporter writes (tfjs-node's save also writes one, named so). */
export const WEIGHTS_FILE = 'weights.bin';

/**
 * Reads <dir>/model.json and the weight shards it names, joined in manifest order (tf.js reads
 * them the same way: groups in order, paths in order, weights back to back). Throws a sentence
 * naming the missing or broken file.
 */
export function readLayersModelFiles(dir: string): LayersModelFiles {
  const path = join(dir, 'model.json');
  if (!existsSync(path)) throw new Error(`${path} is missing; export the model first with \`npm run pipeline\`.`);
  let modelJson: io.ModelJSON;
  try {
    modelJson = JSON.parse(readFileSync(path, 'utf8')) as io.ModelJSON;
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); export the model again with \`npm run pipeline\`.`);
  }
  if (!Array.isArray(modelJson.weightsManifest) || modelJson.weightsManifest.length === 0) {
    throw new Error(`${path} has no weightsManifest, so it is not a tf.js layers model with weights; export it again with \`npm run pipeline\`.`);
  }
  const shards = modelJson.weightsManifest.flatMap((group) => group.paths).map((p) => {
    const shard = join(dir, p);
    if (!existsSync(shard)) throw new Error(`${path} needs the weight file ${p}, which is missing from ${dir}; export the model again with \`npm run pipeline\`.`);
    return readFileSync(shard);
  });
  const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const shard of shards) {
    weightData.set(shard, offset);
    offset += shard.length;
  }
  return { modelJson, weightData };
}

/** The files to write for `files`: model.json (one shard, WEIGHTS_FILE) and the shard itself. */
export function layersModelFileContents(files: LayersModelFiles): Record<string, string | Uint8Array> {
  const weights = files.modelJson.weightsManifest.flatMap((group) => group.weights);
  const modelJson: io.ModelJSON = { ...files.modelJson, weightsManifest: [{ paths: [WEIGHTS_FILE], weights }] };
  return { 'model.json': JSON.stringify(modelJson), [WEIGHTS_FILE]: files.weightData };
}
