import * as tf from '@tensorflow/tfjs';
import { checkPositiveInteger, knownChannels, singleInput, singleShape, type LayerArgs } from './layer-args.js';

/** Arguments of the TrainableSubsampling layer. */
export interface TrainableSubsamplingArgs extends LayerArgs {
  /** Side of the pooling window, also the stride. LeNet-5 uses 2. */
  poolSize?: number;
  /** Initial value of every map's coefficient. */
  coefficientInitialValue?: number;
}

/**
 * LeNet-5's subsampling layers S2 and S4 (LeCun et al. 1998, section II.B): each map's non-overlapping
 * 2x2 windows are averaged, multiplied by one learnable coefficient per map and shifted by one
 * learnable bias per map (2 parameters per map: S2 has 12, S4 32).
 *
 * The squashing function is NOT part of this layer: a ScaledTanh layer follows it, as it follows
 * every weighted layer of the model, so each layer is one idea and the summary shows the
 * activation once, the same way everywhere.
 *
 * Initialisation: coefficient 1 and bias 0, so an untrained S layer is a plain 2x2 average. It
 * keeps the scale of its input (the C layer's squashed outputs, within +-1.7159), which is the
 * paper's aim for its initial weights: start the next sigmoid in its near-linear range, neither
 * saturated nor vanishing. The paper's 2.4/F_i uniform draw (F_i = 4 inputs) would instead
 * start some maps with a negative or near-zero gain for no benefit.
 */
export class TrainableSubsampling extends tf.layers.Layer {
  static className = 'TrainableSubsampling';
  readonly poolSize: number;
  readonly coefficientInitialValue: number;
  private coefficient?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: TrainableSubsamplingArgs = {}) {
    const { poolSize = 2, coefficientInitialValue = 1, ...base } = args;
    super(base);
    checkPositiveInteger(poolSize, 'TrainableSubsampling', 'poolSize');
    this.poolSize = poolSize;
    this.coefficientInitialValue = coefficientInitialValue;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = knownChannels(inputShape, 'TrainableSubsampling');
    this.coefficient = this.addWeight('coefficient', [channels], 'float32', tf.initializers.constant({ value: this.coefficientInitialValue }));
    this.bias = this.addWeight('bias', [channels], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [batch, height, width, channels] = singleShape(inputShape);
    const pooled = (d: number | null | undefined) => (typeof d === 'number' ? Math.floor(d / this.poolSize) : null);
    return [batch ?? null, pooled(height), pooled(width), channels ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = singleInput(inputs) as tf.Tensor4D;
      const averaged = tf.avgPool(x, this.poolSize, this.poolSize, 'valid');
      return tf.add(tf.mul(averaged, this.coefficient!.read()), this.bias!.read());
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), poolSize: this.poolSize, coefficientInitialValue: this.coefficientInitialValue };
  }
}
tf.serialization.registerClass(TrainableSubsampling);

/** Creates a LeNet-5 trainable subsampling layer (S2, S4). */
export function trainableSubsampling(args: TrainableSubsamplingArgs = {}): TrainableSubsampling {
  return new TrainableSubsampling(args);
}
