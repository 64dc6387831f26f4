import * as tf from '@tensorflow/tfjs-node';
import type { ModelId } from '../../core/types.js';
import { buildCnn } from '../models/build-cnn.js';
import { buildLenet5 } from '../models/build-lenet5.js';
import { Nadam } from './nadam.js';

/** Per-pixel standardization of the training split, baked into each model's first layer. */
export interface Standardization {
  mean: Float32Array;
  std: Float32Array;
}

/** How one model is built and trained by default. Flags can override epochs and batch size. */
export interface TrainingPlan {
  id: ModelId;
  displayName: string;
  build: (standardization: Standardization, seed: number) => tf.LayersModel;
  epochs: number;
  batchSize: number;
  makeOptimizer: () => tf.Optimizer;
  /** The optimizer's settings as recorded in metadata.json. */
  optimizerConfig: { name: string } & Record<string, number | string>;
  /** Why these settings. */
  notes: string;
}

const NADAM_KERAS = { name: 'Nadam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

export const TRAINING_PLANS: Record<ModelId, TrainingPlan> = {
  cnn: {
    id: 'cnn',
    displayName: 'Seed CNN (Keras notebook)',
    build: (standardization, seed) => buildCnn({ standardization, seed }),
    epochs: 10,
    batchSize: 32,
    makeOptimizer: () => new Nadam(1e-3, 0.9, 0.999, 1e-7),
    optimizerConfig: NADAM_KERAS,
    notes: "The seed notebook's settings: Nadam with Keras defaults, 10 epochs, batch 32, last 5,000 training images held out for validation.",
  },
  lenet5: {
    id: 'lenet5',
    displayName: 'LeNet-5 (LeCun et al. 1998)',
    build: (standardization, seed) => buildLenet5({ standardization, seed }),
    epochs: 20,
    batchSize: 32,
    makeOptimizer: () => new Nadam(1e-3, 0.9, 0.999, 1e-7),
    optimizerConfig: NADAM_KERAS,
    notes:
      'Nadam (Keras defaults) instead of the paper\'s stochastic diagonal Levenberg-Marquardt: adaptive per-weight steps play the same role with no hand-set schedule. ' +
      '20 epochs: LeNet-5 has 23x fewer parameters than the CNN and no dropout, so it needs more passes before validation accuracy levels off.',
  },
};
