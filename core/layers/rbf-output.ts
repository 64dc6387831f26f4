import * as tf from '@tensorflow/tfjs';
import { singleInput, singleShape, type LayerArgs } from './layer-args.js';

/** Arguments of the RbfOutput layer. */
export interface RbfOutputArgs extends LayerArgs {
  /** Number of classes (one fixed code each). */
  units: number;
  /** Picks the fixed +-1 codes; the same seed always gives the same codes. */
  codeSeed?: number;
}

/**
 * Fixed +-1 code vectors, codes[i * dim + j] for class i. LeNet-5's codes were hand-drawn 7x12
 * bitmaps of ASCII characters; clothing has no such drawings, so the codes are pseudo-random
 * (a splitmix-style hash of seed, class and component: no Math.random, so they never change).
 * Random +-1 codes in 84 dimensions sit about 42 components apart, which is what the bitmaps were for.
 */
export function rbfCodes(units: number, dim: number, seed: number): Float32Array {
  const codes = new Float32Array(units * dim);
  for (let k = 0; k < codes.length; k++) {
    let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(k + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    h ^= h >>> 16;
    codes[k] = h & 1 ? 1 : -1;
  }
  return codes;
}

/**
 * LeNet-5's Euclidean RBF output (LeCun et al. 1998, eq. 7): y_i = sum_j (x_j - w_ij)^2 with fixed
 * +-1 codes w_i, returned as softmax(-y) so the model keeps the contract of 10 probabilities.
 * Cross-entropy on softmax(-y) is the paper's discriminative MAP criterion (eq. 9) without its
 * constant "rubbish class" term. The codes are a non-trainable weight (0 trainable parameters),
 * so they travel in the weight shards. Optional: the seed's note found the plain softmax output
 * better, and that is the default.
 */
export class RbfOutput extends tf.layers.Layer {
  static className = 'RbfOutput';
  readonly units: number;
  readonly codeSeed: number;
  private centers?: tf.LayerVariable;

  constructor(args: RbfOutputArgs) {
    const { units, codeSeed = 0, ...base } = args;
    super(base);
    if (!Number.isInteger(units) || units < 1) throw new Error(`RbfOutput: units must be a positive integer, got ${units}.`);
    this.units = units;
    this.codeSeed = codeSeed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = singleShape(inputShape);
    const dim = shape[shape.length - 1];
    if (shape.length !== 2 || typeof dim !== 'number') throw new Error(`RbfOutput expects [batch, features] with known features, got [${shape.join(', ')}].`);
    this.centers = this.addWeight('centers', [this.units, dim], 'float32', tf.initializers.zeros(), undefined, false);
    const codes = tf.tensor2d(rbfCodes(this.units, dim, this.codeSeed), [this.units, dim]);
    this.centers.write(codes);
    codes.dispose();
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [singleShape(inputShape)[0] ?? null, this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = singleInput(inputs) as tf.Tensor2D;
      const c = this.centers!.read() as tf.Tensor2D;
      // ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, one matmul instead of a [batch, units, dim] tensor.
      const distances = tf.add(tf.sub(tf.sum(tf.square(x), 1, true), tf.mul(2, tf.matMul(x, c, false, true))), tf.sum(tf.square(c), 1));
      return tf.softmax(tf.neg(distances));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, codeSeed: this.codeSeed };
  }
}
tf.serialization.registerClass(RbfOutput);

/** Creates LeNet-5's RBF output layer with fixed +-1 codes. */
export function rbfOutput(args: RbfOutputArgs): RbfOutput {
  return new RbfOutput(args);
}
