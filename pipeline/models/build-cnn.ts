import * as tf from '@tensorflow/tfjs-node';
import { IMAGE_SIZE, NUM_CLASSES } from '../../core/model-contract.js';
import { standardize } from '../../core/layers/index.js';
import { layerSeed } from './layer-seed.js';
import type { Standardization } from '../data/standardization.js';

/** What buildCnn needs. */
export interface BuildCnnOptions {
  /** Training-set standardization, baked in as the first layer. */
  standardization: Standardization;
  /** Seed of every initializer: the same seed gives the same initial weights. */
  seed: number;
}

/**
 * The seed notebook's CNN, layer for layer (1,413,834 trainable parameters), with the training
 * set's standardization as its first layer so it takes raw 0..255 pixels. Not compiled: the
 * pipeline trains it with its own loop.
 *
 * Kernels use glorot_uniform and biases zeros, as Keras does by default (tf.js's own default for
 * conv2d is glorot_normal, so it is set explicitly). Dropout layers get no fixed seed on purpose:
 * in tf.js a seeded dropout draws the same mask on every step; the training loop seeds
 * Math.random instead, which makes the masks reproducible and still different per step.
 */
export function buildCnn(opts: BuildCnnOptions): tf.LayersModel {
  const kernel = (name: string) => ({ name, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(opts.seed, name) }), biasInitializer: 'zeros' as const });
  const conv = (name: string, filters: number, kernelSize: number) => tf.layers.conv2d({ ...kernel(name), filters, kernelSize, padding: 'same', activation: 'relu' });
  const pool = (name: string) => tf.layers.maxPooling2d({ name, poolSize: 2 });

  const model = tf.sequential({ name: 'cnn' });
  model.add(standardize({ name: 'standardize', inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1], ...opts.standardization }));
  model.add(conv('conv1', 64, 7));
  model.add(pool('pool1'));
  model.add(conv('conv2', 128, 3));
  model.add(conv('conv3', 128, 3));
  model.add(pool('pool2'));
  model.add(conv('conv4', 256, 3));
  model.add(conv('conv5', 256, 3));
  model.add(pool('pool3'));
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ ...kernel('dense1'), units: 128, activation: 'relu' }));
  model.add(tf.layers.dropout({ name: 'dropout1', rate: 0.5 }));
  model.add(tf.layers.dense({ ...kernel('dense2'), units: 64, activation: 'relu' }));
  model.add(tf.layers.dropout({ name: 'dropout2', rate: 0.5 }));
  model.add(tf.layers.dense({ ...kernel('output'), units: NUM_CLASSES, activation: 'softmax' }));
  return model;
}
