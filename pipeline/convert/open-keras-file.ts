import { unzipSync } from 'fflate';
import { basename } from 'node:path';
import type { KerasFormat } from '../../core/types.js';
import { Group } from 'h5wasm/node';
import { attribute, member, openHdf5, readingHdf5, readWeightArray, stringList, type Hdf5File, type WeightArray } from './hdf5-file.js';
import { KerasFileError } from './keras-file-error.js';
import { sniffKerasFormat } from './sniff-keras-format.js';

/** A Keras model file, opened: its model config and a way to read each layer's weights. */
export interface KerasFile {
  format: KerasFormat;
  /** Keras' model config: `{class_name, config}` as Keras serialized it. */
  modelConfig: unknown;
  /** The Keras version that wrote the file, or 'unknown'. */
  kerasVersion: string;
  /**
   * The weight arrays of each layer (by the config's layer name), in the order Keras keeps them
   * (Conv2D and Dense: kernel, bias; BatchNormalization: gamma, beta, moving mean, moving
   * variance). `layers` are the model's layers in config order, InputLayer excluded (the
   * .keras format names its weight groups by class and position, not by layer name).
   */
  readWeights(layers: readonly { name: string; className: string }[]): Map<string, WeightArray[]>;
  /** Releases the file (its copy in HDF5's memory). */
  close(): void;
}

const SAVE_AGAIN = 'Save the model with Keras\' model.save("model.keras") (or "model.h5") and convert that file.';

/**
 * Opens the Keras file `bytes` read from `path`: the `.keras` zip (config.json, metadata.json,
 * model.weights.h5) or the legacy HDF5 `.h5` (model_config attribute, model_weights group). The
 * format is told by the file's signature; fflate reads the zip and h5wasm the HDF5. Throws a
 * KerasFileError naming the file when it is neither, is truncated or damaged, or holds no model.
 * Close it when done.
 */
export async function openKerasFile(bytes: Uint8Array, path: string): Promise<KerasFile> {
  const where = basename(path);
  const format = sniffKerasFormat(bytes);
  if (format === 'keras') return openKerasZip(bytes, where);
  if (format === 'h5') return openLegacyH5(bytes, where);
  throw new KerasFileError(`${where} is not a Keras model file: it is neither a .keras zip archive nor an HDF5 .h5 file. ${SAVE_AGAIN}`);
}

function parseJson(text: string, what: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KerasFileError(`${where}'s ${what} is not valid JSON (${(error as Error).message}): the file is damaged. ${SAVE_AGAIN}`, { cause: error });
  }
}

async function openKerasZip(bytes: Uint8Array, where: string): Promise<KerasFile> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new KerasFileError(`${where} cannot be read as a .keras zip archive (${(error as Error).message}): it is truncated or damaged. Copy the whole file again, or save the model again from Keras.`, { cause: error });
  }
  for (const needed of ['config.json', 'model.weights.h5']) {
    if (!entries[needed]) throw new KerasFileError(`${where} is a zip archive but not a .keras model: it has no ${needed} (it holds ${Object.keys(entries).join(', ') || 'nothing'}). ${SAVE_AGAIN}`);
  }
  const decode = (name: string) => new TextDecoder().decode(entries[name]);
  const metadata = entries['metadata.json'] ? parseJson(decode('metadata.json'), 'metadata.json', where) : {};
  const weightsWhere = `${where} (model.weights.h5)`;
  const modelConfig = parseJson(decode('config.json'), 'config.json', where);
  const h5 = await openHdf5(entries['model.weights.h5']!, weightsWhere);
  return {
    format: 'keras',
    modelConfig,
    kerasVersion: String((metadata as { keras_version?: unknown }).keras_version ?? 'unknown'),
    readWeights: (layers) => readingHdf5(weightsWhere, () => readZipWeights(h5.root, layers, weightsWhere)),
    close: h5.close,
  };
}

/**
 * Keras' own name of a class in a .keras weights file (keras.src.utils.naming.to_snake_case):
 * Conv2D -> conv2d, MaxPooling2D -> max_pooling2d, LeakyReLU -> leaky_re_lu.
 */
export function kerasSnakeCase(className: string): string {
  const snake = className
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
  return snake.startsWith('_') ? `private${snake}` : snake;
}

/**
 * A .keras file keeps layer i's weights in layers/<class name in snake case, numbered from the
 * second of its class>/vars/0, 1, ... (Keras 2.13+ and 3 alike; 2.12 wrote
 * _layer_checkpoint_dependencies/ instead of layers/).
 */
function readZipWeights(h5: Group, layers: readonly { name: string; className: string }[], where: string): Map<string, WeightArray[]> {
  const root = ['layers', '_layer_checkpoint_dependencies'].map((p) => member(h5, p)).find((g) => g instanceof Group);
  const seen = new Map<string, number>();
  const weights = new Map<string, WeightArray[]>();
  for (const layer of layers) {
    const base = kerasSnakeCase(layer.className);
    const count = seen.get(base);
    seen.set(base, (count ?? -1) + 1);
    const key = count === undefined ? base : `${base}_${count + 1}`;
    const vars = root instanceof Group ? member(root, `${key}/vars`) : undefined;
    if (!(vars instanceof Group)) {
      weights.set(layer.name, []);
      continue;
    }
    const names = vars.keys().filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    weights.set(
      layer.name,
      names.map((n) => readWeightArray(vars, n, where)).map((w) => ({ ...w, path: `layers/${key}/vars/${w.path}` })),
    );
  }
  return weights;
}

async function openLegacyH5(bytes: Uint8Array, where: string): Promise<KerasFile> {
  const h5: Hdf5File = await openHdf5(bytes, where);
  try {
    const config = readingHdf5(where, () => attribute(h5.root, 'model_config'));
    if (config === undefined) {
      throw new KerasFileError(`${where} is an HDF5 file without a model_config attribute: it holds weights only (model.save_weights), not a model. ${SAVE_AGAIN}`);
    }
    const text = typeof config === 'string' ? config : new TextDecoder().decode(config as Uint8Array);
    return {
      format: 'h5',
      modelConfig: parseJson(text, 'model_config attribute', where),
      kerasVersion: String(readingHdf5(where, () => attribute(h5.root, 'keras_version')) ?? 'unknown'),
      readWeights: (layers) => readingHdf5(where, () => readH5Weights(h5.root, layers, where)),
      close: h5.close,
    };
  } catch (error) {
    h5.close();
    throw error;
  }
}

/** A legacy .h5 keeps layer L's weights in model_weights/L/, in the order of its weight_names attribute. */
function readH5Weights(h5: Group, layers: readonly { name: string }[], where: string): Map<string, WeightArray[]> {
  const modelWeights = member(h5, 'model_weights');
  const root = modelWeights instanceof Group ? modelWeights : h5;
  const weights = new Map<string, WeightArray[]>();
  for (const layer of layers) {
    const group = member(root, layer.name);
    const names = group instanceof Group ? stringList(attribute(group, 'weight_names')) : [];
    weights.set(
      layer.name,
      names.map((n) => readWeightArray(group as Group, n, where)).map((w) => ({ ...w, path: `model_weights/${layer.name}/${w.path}` })),
    );
  }
  return weights;
}
