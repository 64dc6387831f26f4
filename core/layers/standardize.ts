import * as tf from '@tensorflow/tfjs';
import { singleInput, singleShape, type LayerArgs } from './layer-args.js';

/** Arguments of the Standardize layer. */
export interface StandardizeArgs extends LayerArgs {
  /**
   * Per-pixel mean of the training images, one value per input element in row-major
   * [height, width, channels] order (784 for 28x28x1). Needed only to build a new model: it
   * initialises a weight, so it is saved in the weight shards, and a loaded model gets it back
   * from there (it is deliberately not part of getConfig, which lands in model.json).
   */
  mean?: ArrayLike<number>;
  /** Per-pixel standard deviation, same layout as `mean`. Every value must be > 0 (add the epsilon before). */
  std?: ArrayLike<number>;
}

/**
 * output = (x - mean) / std, per pixel. It is the model's first layer, so every consumer feeds
 * raw 0..255 pixels and none can get the preprocessing wrong. mean and std are non-trainable
 * weights: they travel in the weight shards and no optimizer touches them.
 */
export class Standardize extends tf.layers.Layer {
  static className = 'Standardize';
  private readonly initialMean?: ArrayLike<number>;
  private readonly initialStd?: ArrayLike<number>;
  private meanWeight?: tf.LayerVariable;
  private stdWeight?: tf.LayerVariable;

  constructor(args: StandardizeArgs = {}) {
    const { mean, std, ...base } = args;
    super(base);
    if ((mean === undefined) !== (std === undefined)) throw new Error('Standardize needs both mean and std, or neither (when loading a saved model).');
    if (std) {
      const bad = Array.from(std).findIndex((s) => !(Number.isFinite(s) && s > 0));
      if (bad >= 0) throw new Error(`Standardize: std[${bad}] is ${std[bad]}; every std must be a finite number > 0 (add a small epsilon such as 1e-7).`);
    }
    if (mean) {
      const bad = Array.from(mean).findIndex((m) => !Number.isFinite(m));
      if (bad >= 0) throw new Error(`Standardize: mean[${bad}] is ${mean[bad]}; every mean must be a finite number.`);
    }
    this.initialMean = mean;
    this.initialStd = std;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = singleShape(inputShape).slice(1);
    if (shape.some((d) => d === null)) throw new Error(`Standardize needs a fully known input shape, got [${singleShape(inputShape).join(', ')}].`);
    const dims = shape as number[];
    const size = dims.reduce((a, b) => a * b, 1);
    this.meanWeight = this.addWeight('mean', dims, 'float32', tf.initializers.zeros(), undefined, false);
    this.stdWeight = this.addWeight('std', dims, 'float32', tf.initializers.ones(), undefined, false);
    for (const [weight, values, what] of [
      [this.meanWeight, this.initialMean, 'mean'],
      [this.stdWeight, this.initialStd, 'std'],
    ] as const) {
      if (values === undefined) continue;
      if (values.length !== size) throw new Error(`Standardize: ${what} has ${values.length} values but the input [${dims.join(', ')}] has ${size} elements.`);
      const t = tf.tensor(Float32Array.from(values), dims);
      weight.write(t);
      t.dispose();
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return singleShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = tf.cast(singleInput(inputs), 'float32');
      return tf.div(tf.sub(x, this.meanWeight!.read()), this.stdWeight!.read());
    });
  }
}
tf.serialization.registerClass(Standardize);

/** Creates the standardization layer from the training set's per-pixel mean and std. */
export function standardize(args: StandardizeArgs): Standardize {
  return new Standardize(args);
}
