import { KerasFileError } from './keras-file-error.js';

/** Keras activation names the converter maps, to tf.js's (which computes each the same way). */
const ACTIVATIONS: Record<string, string> = {
  linear: 'linear',
  relu: 'relu',
  relu6: 'relu6',
  elu: 'elu',
  selu: 'selu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'swish',
  silu: 'swish',
};

/** Names of the activations the converter takes (for messages). */
export const SUPPORTED_ACTIVATIONS = Object.keys(ACTIVATIONS);

/**
 * tf.js's name for the Keras activation `value` of layer `layer` (absent: linear). Throws a
 * KerasFileError naming the layer when it is one tf.js would compute differently or not at all.
 */
export function tfjsActivation(value: unknown, layer: string, where: string): string {
  const name = value === undefined || value === null ? 'linear' : typeof value === 'string' ? value : (value as { class_name?: unknown; config?: { name?: unknown } }).config?.name ?? (value as { class_name?: unknown }).class_name;
  const mapped = typeof name === 'string' ? ACTIVATIONS[name] : undefined;
  if (!mapped) {
    throw new KerasFileError(`${where}: layer '${layer}' uses the activation ${JSON.stringify(name)}, which the converter does not support; it supports ${SUPPORTED_ACTIVATIONS.join(', ')}.`);
  }
  return mapped;
}
