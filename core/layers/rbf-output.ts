import * as tf from '@tensorflow/tfjs';
import { singleInput, singleShape, type LayerArgs } from './layer-args.js';
import { RBF_CODE_HEIGHT, RBF_CODE_WIDTH, RBF_DIGIT_BITMAPS, rbfClassCodes } from './rbf-class-codes.js';

const CLASSES = RBF_DIGIT_BITMAPS.length;
const CODE_SIZE = RBF_CODE_WIDTH * RBF_CODE_HEIGHT;

/**
 * LeNet-5's Euclidean RBF output (LeCun et al. 1998, eq. 7): y_i = sum_j (x_j - w_ij)^2 with the
 * paper's fixed 7x12 +-1 class codes w_i (see rbf-class-codes.ts), returned as softmax(-y) so the
 * model keeps the contract of 10 probabilities (the class with the nearest code is the most
 * probable). Training uses `distances` directly for the paper's Euclidean loss. The codes are a
 * non-trainable weight (0 trainable parameters), so they travel in the weight shards. Optional:
 * the seed's note found the plain softmax output better, and that is the default.
 */
export class RbfOutput extends tf.layers.Layer {
  static className = 'RbfOutput';
  private centers?: tf.LayerVariable;

  constructor(args: LayerArgs = {}) {
    super(args);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = singleShape(inputShape);
    if (shape.length !== 2 || shape[1] !== CODE_SIZE) throw new Error(`RbfOutput expects [batch, ${CODE_SIZE}] (F6's 84 units, one per pixel of a 7x12 code), got [${shape.map(String).join(', ')}].`);
    this.centers = this.addWeight('centers', [CLASSES, CODE_SIZE], 'float32', tf.initializers.zeros(), undefined, false);
    const codes = tf.tensor2d(rbfClassCodes(), [CLASSES, CODE_SIZE]);
    this.centers.write(codes);
    codes.dispose();
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [singleShape(inputShape)[0] ?? null, CLASSES];
  }

  /** Squared Euclidean distance of each row of x [batch, 84] to each class code: [batch, 10]. */
  distances(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const c = this.centers!.read() as tf.Tensor2D;
      // ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, one matmul instead of a [batch, classes, 84] tensor.
      return tf.add(tf.sub(tf.sum(tf.square(x), 1, true), tf.mul(2, tf.matMul(x, c, false, true))), tf.sum(tf.square(c), 1));
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.softmax(tf.neg(this.distances(singleInput(inputs) as tf.Tensor2D))));
  }
}
tf.serialization.registerClass(RbfOutput);

/** Creates LeNet-5's RBF output layer with the paper's fixed 7x12 class codes. */
export function rbfOutput(args: LayerArgs = {}): RbfOutput {
  return new RbfOutput(args);
}
