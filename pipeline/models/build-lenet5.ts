import * as tf from '@tensorflow/tfjs-node';
import { IMAGE_SIZE, NUM_CLASSES } from '../../core/model-contract.js';
import { partialConv2d, rbfOutput, scaledTanh, standardize, trainableSubsampling } from '../../core/layers/index.js';
import { layerSeed } from './layer-seed.js';
import type { Standardization } from '../data/standardization.js';

/** What buildLenet5 needs. */
export interface BuildLenet5Options {
  /** Training-set standardization, baked in as the first layer. */
  standardization: Standardization;
  /** Seed of every initializer: the same seed gives the same initial weights. */
  seed: number;
  /**
   * 'softmax' (default): a 10-way dense softmax trained with cross-entropy, as the seed's note
   * recommends. 'rbf': the paper's Euclidean RBF units with its fixed 7x12 +-1 digit codes (no trainable
   * output parameters), still returned as 10 probabilities.
   */
  output?: 'softmax' | 'rbf';
}

/**
 * LeNet-5 after LeCun et al. 1998: input zero-padded to 32x32; C1 6@5x5; S2 trainable 2x2
 * subsampling; C3 16@5x5 with the paper's partial connection table; S4; C5 120@5x5; F6 84;
 * scaled tanh 1.7159 tanh(2a/3) after every weighted layer. 60,850 trainable parameters with
 * the softmax output. Not compiled.
 *
 * Weights use LeCun-uniform (+-sqrt(3/fanIn)), the rule the same authors give in "Efficient
 * BackProp" (1998) for exactly this activation: it keeps unit variance from layer to layer.
 * Biases start at 0; S layers start as plain averages (see TrainableSubsampling).
 */
export function buildLenet5(opts: BuildLenet5Options): tf.LayersModel {
  const seeded = (name: string) => ({ name, kernelInitializer: tf.initializers.leCunUniform({ seed: layerSeed(opts.seed, name) }), biasInitializer: 'zeros' as const });

  const model = tf.sequential({ name: 'lenet5' });
  model.add(standardize({ name: 'standardize', inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1], ...opts.standardization }));
  model.add(tf.layers.zeroPadding2d({ name: 'pad', padding: (32 - IMAGE_SIZE) / 2 }));
  model.add(tf.layers.conv2d({ ...seeded('c1'), filters: 6, kernelSize: 5, padding: 'valid' }));
  model.add(scaledTanh({ name: 'c1_tanh' }));
  model.add(trainableSubsampling({ name: 's2' }));
  model.add(scaledTanh({ name: 's2_tanh' }));
  model.add(partialConv2d({ name: 'c3', seed: layerSeed(opts.seed, 'c3') }));
  model.add(scaledTanh({ name: 'c3_tanh' }));
  model.add(trainableSubsampling({ name: 's4' }));
  model.add(scaledTanh({ name: 's4_tanh' }));
  model.add(tf.layers.conv2d({ ...seeded('c5'), filters: 120, kernelSize: 5, padding: 'valid' }));
  model.add(scaledTanh({ name: 'c5_tanh' }));
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ ...seeded('f6'), units: 84 }));
  model.add(scaledTanh({ name: 'f6_tanh' }));
  if (opts.output === 'rbf') model.add(rbfOutput({ name: 'output' }));
  else model.add(tf.layers.dense({ ...seeded('output'), units: NUM_CLASSES, activation: 'softmax' }));
  return model;
}
