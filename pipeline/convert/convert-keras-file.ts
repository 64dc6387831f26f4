import * as tf from '@tensorflow/tfjs-node';
import { basename } from 'node:path';
import type { ConvertedSource, KerasInput } from '../../core/types.js';
import { sha256Hex } from '../shared/sha256-hex.js';
import type { Standardization } from '../data/standardization.js';
import { buildTfjsModel } from './build-tfjs-model.js';
import { checkKerasInput, checkKerasOutput, outputActivation } from './check-keras-contract.js';
import { checkFiniteWeights } from './check-keras-weights.js';
import { inputLayers } from './input-layers.js';
import { checkSupported } from './keras-layers.js';
import { openKerasFile, type KerasFile } from './open-keras-file.js';
import { readKerasConfig } from './read-keras-config.js';

/** A Keras model turned into a tf.js one that takes 0..255 pixels, and where it came from. */
export interface ConvertedKeras {
  /** The tf.js model (the caller disposes it). */
  model: tf.LayersModel;
  source: ConvertedSource;
  /** What the conversion added or decided, in sentences (for the log). */
  notes: string[];
}

/**
 * Converts the Keras file `bytes` (read from `path`) into a tf.js layers model, with no Python:
 *  1. open it: the .keras zip (fflate) or the legacy HDF5 .h5 (h5wasm), told by its signature;
 *  2. read its model config into a graph of layers (Sequential or Functional);
 *  3. check the contract: one 28x28x1 input, only supported layers;
 *  4. read every layer's weights and check they are finite;
 *  5. build the tf.js model: the input convention `input` baked in with core's layers, each Keras
 *     layer's tf.js twin, the weights copied in (checked against the config), a softmax added
 *     after logits;
 *  6. check the output: 10 classes.
 * `seedStandardization` gives the notebook's per-pixel mean and std (asked only for `seed`).
 * Every refusal is a KerasFileError naming the file and the problem.
 */
export async function convertKerasFile(bytes: Uint8Array, path: string, input: KerasInput, seedStandardization: () => Standardization): Promise<ConvertedKeras> {
  const where = basename(path);
  const file = await openKerasFile(bytes, path);
  try {
    return convertOpened(file, bytes, where, input, seedStandardization);
  } finally {
    file.close();
  }
}

function convertOpened(file: KerasFile, bytes: Uint8Array, where: string, input: KerasInput, seedStandardization: () => Standardization): ConvertedKeras {
  const graph = readKerasConfig(file.modelConfig, where);
  checkKerasInput(graph, where);
  graph.layers.forEach((layer) => checkSupported(layer, where));
  const ending = outputActivation(graph, where);
  const weights = file.readWeights(graph.layers);
  checkFiniteWeights(weights, where);
  const softmax = ending === 'linear' ? [tf.layers.activation({ activation: 'softmax', name: 'added_softmax' })] : [];
  const model = buildTfjsModel(graph, weights, inputLayers(input, seedStandardization), softmax, where);
  try {
    checkKerasOutput(model.outputs[0]!.shape, where);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const notes = [
    `${where}: a ${graph.className} model of ${graph.layers.length} layers, ${file.format === 'keras' ? '.keras zip' : 'legacy HDF5'} written by Keras ${file.kerasVersion}.`,
    `Input convention ${input}: ${input === 'seed' ? "the notebook's per-pixel standardization over the 55,000 training images" : input === 'unit' ? 'x/255' : '0-255 as they are'}, baked into the model.`,
    ...(ending === 'linear' ? [`Its output layer '${graph.output}' gives logits, so a softmax was added after it.`] : []),
  ];
  return { model, source: { format: file.format, file: where, sha256: sha256Hex(bytes), kerasVersion: file.kerasVersion, input }, notes };
}
