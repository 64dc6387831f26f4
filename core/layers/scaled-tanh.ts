import * as tf from '@tensorflow/tfjs';
import { singleInput, singleShape, type LayerArgs } from './layer-args.js';

/** LeCun's amplitude A in f(a) = A tanh(S a): chosen so that f(1) = 1 and f(-1) = -1. */
export const SCALED_TANH_AMPLITUDE = 1.7159;
/** LeCun's slope S in f(a) = A tanh(S a). */
export const SCALED_TANH_SLOPE = 2 / 3;

/**
 * LeNet-5's squashing function f(a) = 1.7159 tanh(2a/3) (LeCun et al. 1998, Appendix A) as a
 * layer. tf.js looks activations up in a closed table, so a custom activation cannot be named in
 * `activation:`; a parameter-free layer after each weighted layer does the same job and shows up
 * in the model summary.
 */
export class ScaledTanh extends tf.layers.Layer {
  static className = 'ScaledTanh';

  constructor(args: LayerArgs = {}) {
    super(args);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return singleShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.mul(tf.tanh(tf.mul(singleInput(inputs), SCALED_TANH_SLOPE)), SCALED_TANH_AMPLITUDE));
  }
}
tf.serialization.registerClass(ScaledTanh);

/** Creates a ScaledTanh layer. */
export function scaledTanh(args: LayerArgs = {}): ScaledTanh {
  return new ScaledTanh(args);
}
