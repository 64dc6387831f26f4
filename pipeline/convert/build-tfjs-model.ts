import * as tf from '@tensorflow/tfjs-node';
import type { WeightArray } from './hdf5-file.js';
import { MODEL_INPUT } from '../../core/metadata/model-metadata-schema.js';
import { KerasFileError } from './keras-file-error.js';
import { mapLayer } from './keras-layers.js';
import type { KerasGraph } from './read-keras-config.js';

const shapeText = (shape: readonly (number | null)[]) => `[${shape.join(', ')}]`;

/**
 * The tf.js model of `graph`: a 28x28x1 input, then `inputLayers` (the input convention baked in,
 * with core's layers), then every Keras layer mapped to its tf.js twin, wired as in Keras, then
 * `outputLayers`, with the Keras weights copied in. Throws a KerasFileError naming the layer when a layer's weights do
 * not match what its config builds (count or shape). The caller disposes the model.
 */
export function buildTfjsModel(graph: KerasGraph, weights: Map<string, WeightArray[]>, inputLayers: tf.layers.Layer[], outputLayers: tf.layers.Layer[], where: string): tf.LayersModel {
  const input = tf.input({ shape: [...MODEL_INPUT.shape], name: 'image' });
  const outputs = new Map<string, tf.SymbolicTensor>();
  outputs.set(graph.input.name, inputLayers.reduce((x, layer) => layer.apply(x) as tf.SymbolicTensor, input));
  const copies: { layer: tf.layers.Layer; arrays: WeightArray[]; name: string; className: string }[] = [];
  for (const layer of graph.layers) {
    if (layer.inbound.length !== 1) {
      throw new KerasFileError(`${where}: layer '${layer.name}' (${layer.className}) is called on ${layer.inbound.length} tensors; the converter takes layers called on one.`);
    }
    const x = outputs.get(layer.inbound[0]!);
    if (!x) throw new KerasFileError(`${where}: layer '${layer.name}' reads '${layer.inbound[0]}', which comes after it or does not exist; the model config is damaged.`);
    const arrays = weights.get(layer.name) ?? [];
    const mapped = mapLayer({ layer, weights: arrays, inputShape: x.shape, where });
    outputs.set(layer.name, mapped.layer.apply(x) as tf.SymbolicTensor);
    // A layer without weights that the file gives weights is a mismatch too: copyWeights says so.
    if (mapped.weights === 'copy' || (mapped.weights === 'none' && arrays.length > 0)) copies.push({ layer: mapped.layer, arrays, name: layer.name, className: layer.className });
  }
  const output = outputs.get(graph.output);
  if (!output) throw new KerasFileError(`${where}: its output layer '${graph.output}' is not among its layers; the model config is damaged.`);
  const model = tf.model({ inputs: input, outputs: outputLayers.reduce((x, layer) => layer.apply(x) as tf.SymbolicTensor, output), name: 'converted' });
  try {
    for (const { layer, arrays, name, className } of copies) copyWeights(layer, arrays, `${where}: layer '${name}' (${className})`);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

/** Sets `layer`'s weights to `arrays`, after checking they are the ones its config builds. */
function copyWeights(layer: tf.layers.Layer, arrays: WeightArray[], what: string): void {
  const expected = layer.weights.map((w) => w.shape as number[]);
  const found = arrays.map((a) => a.shape);
  if (expected.length !== found.length || expected.some((shape, i) => shapeText(shape) !== shapeText(found[i]!))) {
    throw new KerasFileError(
      `${what} needs weights of shapes ${expected.map(shapeText).join(', ') || 'none'} from its config, but the file holds ${found.map(shapeText).join(', ') || 'none'}: ` +
        'the weights do not match the config. Save the model again from Keras.',
    );
  }
  const tensors = arrays.map((a) => tf.tensor(a.values, a.shape, 'float32'));
  layer.setWeights(tensors);
  tf.dispose(tensors);
}
