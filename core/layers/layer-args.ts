import * as tf from '@tensorflow/tfjs';

/**
 * The base arguments every tf.js layer takes (name, trainable, inputShape, ...). tf.js does not
 * export the type by name, so it is read off the Layer constructor instead of a deep import.
 */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** The one input tensor of a single-input layer (tf.js passes either a tensor or a list). */
export function singleInput(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (!Array.isArray(inputs)) return inputs;
  const [x] = inputs;
  if (inputs.length !== 1 || !x) throw new Error(`Expected exactly one input tensor, got ${inputs.length}.`);
  return x;
}

/** The one input shape of a single-input layer (tf.js passes either a shape or a list of shapes). */
export function singleShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  const first = inputShape[0];
  return Array.isArray(first) ? first : (inputShape as tf.Shape);
}

/** The channel count of an NHWC image input with known channels; throws a sentence naming `layer` otherwise. */
export function knownChannels(inputShape: tf.Shape | tf.Shape[], layer: string): number {
  const shape = singleShape(inputShape);
  const channels = shape[3];
  if (shape.length !== 4 || typeof channels !== 'number') throw new Error(`${layer} expects [batch, height, width, channels] with known channels, got [${shape.join(', ')}].`);
  return channels;
}

/** Throws a sentence naming `layer`'s `what` unless `value` is a positive integer. */
export function checkPositiveInteger(value: number, layer: string, what: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${layer}: ${what} must be a positive integer, got ${value}.`);
}
