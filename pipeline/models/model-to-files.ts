import type { io } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-node';
import { MODEL_FILE, WEIGHTS_FILE } from '../../core/model-folder.js';

/** A tf.js layers-format model as files: model.json and its weight bytes (all shards joined, in manifest order). */
export interface LayersModelFiles {
  /** The parsed model.json (topology + weightsManifest). */
  modelJson: io.ModelJSON;
  /** Every weight's bytes, back to back in manifest order (what the shards hold when joined). */
  weightData: Uint8Array;
}

/**
 * The model as the files tfjs-node's file:// save would write (model.json with one shard,
 * WEIGHTS_FILE), in memory: the caller hashes the weights and writes every file itself, through
 * one atomic folder write that names the path of any file-system error.
 */
export async function modelToFiles(model: tf.LayersModel): Promise<LayersModelFiles> {
  let files: LayersModelFiles | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('The model has no weights to save.');
      const modelJson: io.ModelJSON = {
        modelTopology: artifacts.modelTopology as object,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      files = { modelJson, weightData: new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)) };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return files!;
}

/** The files to write for `files`: model.json (one shard, WEIGHTS_FILE) and the shard itself. */
export function layersModelFileContents(files: LayersModelFiles): Record<string, string | Uint8Array> {
  const weights = files.modelJson.weightsManifest.flatMap((group) => group.weights);
  const modelJson: io.ModelJSON = { ...files.modelJson, weightsManifest: [{ paths: [WEIGHTS_FILE], weights }] };
  return { [MODEL_FILE]: JSON.stringify(modelJson), [WEIGHTS_FILE]: files.weightData };
}
