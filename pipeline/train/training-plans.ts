import * as tf from '@tensorflow/tfjs-node';
import type { ModelId, ModelMetadata, Recipe, TrainingLoss } from '../../core/types.js';
import { SHOP_AUGMENTATION, type AugmentationPolicy } from '../augment/augmentation-policy.js';
import type { Standardization } from '../data/standardization.js';
import { wholeImageStandardization } from '../data/whole-image-standardization.js';
import { buildCnn } from '../models/build-cnn.js';
import { buildLenet5 } from '../models/build-lenet5.js';
import { Nadam } from './nadam.js';
import { NADAM_SCHEDULE_DECAY } from './nadam-schedule.js';
import { PLAN_EPOCHS } from './plan-epochs.js';


/** How one model is built and trained by default. Flags can override epochs and batch size. */
export interface TrainingPlan {
  /** The model this trains (metadata.json's id). */
  id: ModelId;
  /** Unique name of this plan: the folder its export and its checkpoints go to. */
  name: string;
  /** The recipe this plan belongs to. */
  recipe: Recipe;
  /** Training augmentation (absent: none, as the seed). */
  augmentation?: AugmentationPolicy;
  /** true: exported to <out>/models/<name>/, which the extension ships; false: to <out>/comparisons/<name>/, for the report only. */
  shipped: boolean;
  /** The training criterion. */
  loss: TrainingLoss;
  displayName: string;
  /** Builds the model, given the training split's per-pixel standardization. */
  build: (standardization: Standardization, seed: number) => tf.LayersModel;
  epochs: number;
  batchSize: number;
  makeOptimizer: () => tf.Optimizer;
  /** Learning rate per epoch (0-based); absent: the optimizer's own, constant. */
  learningRateAt?: (epoch: number) => number;
  /** The optimizer's settings as recorded in metadata.json. */
  optimizerConfig: { name: string } & Record<string, number | string>;
  /** Why these settings. */
  notes: string;
  /** How its model is run, when the plan fixes it; absent: chosen on the validation images after training. */
  fixedPrediction?: ModelMetadata['prediction'];
}

/** The seed recipe runs each image alone, as the notebook does. */
const IMAGE_ALONE: ModelMetadata['prediction'] = { mirrorAverage: false, why: 'The seed recipe predicts each image alone, as the notebook does.' };

/**
 * LeNet-5's learning-rate schedule: the paper's 20 passes and its steps (0.0005 for 2 passes,
 * 0.0002 for 3, 0.0001 for 3, 0.00005 for 4, 0.00001 for the last 8), scaled by 2 to Nadam's 1e-3.
 */
export const LENET5_LEARNING_RATES = ([[2, 1e-3], [3, 4e-4], [3, 2e-4], [4, 1e-4], [8, 2e-5]] as const).flatMap(([epochs, rate]) => Array<number>(epochs).fill(rate));

/** Keras' Nadam defaults: recorded in metadata.json and used to build the optimizer, from this one record. */
const NADAM_KERAS = { name: 'Nadam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** The seed CNN's Nadam: Keras' defaults with the legacy (Keras 2.0-2.10) momentum schedule. */
const CNN_NADAM = { ...NADAM_KERAS, scheduleDecay: NADAM_SCHEDULE_DECAY.kerasLegacy, formula: 'Keras 2.0-2.10 Nadam (keras.optimizers.legacy.Nadam)' };

/** A Nadam with the settings of `config` (a missing scheduleDecay: Keras 2.11+'s). */
const nadamOf = (config: typeof NADAM_KERAS & { scheduleDecay?: number }) =>
  new Nadam(config.learningRate, config.beta1, config.beta2, config.epsilon, config.scheduleDecay);

/**
 * The seed recipe: the notebook's CNN and the paper's LeNet-5 exactly as ported (no augmentation).
 * It proves the port is faithful; its exports go to <out>/comparisons/<id>-seed/ for the report.
 */
export const SEED_PLANS: Record<ModelId, TrainingPlan> = {
  cnn: {
    id: 'cnn',
    name: 'cnn-seed',
    recipe: 'seed',
    shipped: false,
    loss: 'cross-entropy',
    displayName: 'Seed CNN (Keras notebook)',
    build: (standardization, seed) => buildCnn({ standardization, seed }),
    epochs: PLAN_EPOCHS.seed.cnn,
    batchSize: 32,
    makeOptimizer: () => nadamOf(CNN_NADAM),
    optimizerConfig: CNN_NADAM,
    fixedPrediction: IMAGE_ALONE,
    // Why Keras 2.0-2.10's Nadam: Keras 2.11+'s (0.96^t) gave 89.84% test accuracy with the same
    // seed here, and tf.keras 2.15's own fit of the seed tracked that run within 0.01 validation
    // accuracy over the 4 epochs compared.
    notes:
      "The seed notebook's settings: Nadam with Keras defaults, 10 epochs, batch 32, last 5,000 training images held out for validation. " +
      "The Nadam is Keras 2.0-2.10's (momentum schedule 0.96^(0.004 t)), the one the notebook ran when the book reported over 92%.",
  },
  lenet5: {
    id: 'lenet5',
    name: 'lenet5-seed',
    recipe: 'seed',
    shipped: false,
    loss: 'cross-entropy',
    displayName: 'LeNet-5 (LeCun et al. 1998)',
    build: (standardization, seed) => buildLenet5({ standardization: wholeImageStandardization(standardization), seed }),
    epochs: PLAN_EPOCHS.seed.lenet5,
    batchSize: 32,
    makeOptimizer: () => nadamOf(NADAM_KERAS),
    learningRateAt: (epoch) => LENET5_LEARNING_RATES[Math.min(epoch, LENET5_LEARNING_RATES.length - 1)]!,
    optimizerConfig: { ...NADAM_KERAS, schedule: LENET5_LEARNING_RATES.join(', ') },
    fixedPrediction: IMAGE_ALONE,
    // What was measured when this was chosen (seed 42, this machine): the whole-image input gave
    // validation 90.60% / test 90.25% against 90.34% / 89.85% per pixel with the same schedule; a
    // stray border pixel became an input of up to 178 per pixel. At a constant 1e-3, validation
    // peaked near 89.5% by epoch 5 and then fell; the first 12 epochs of this schedule reached
    // 90.48%, still rising, so the paper's last 8 low-rate passes are kept. Tried and not kept
    // (validation within noise or worse): Keras 2.0-2.10's Nadam, decoupled weight decay 0.01 and
    // 0.05, batch 16, mirror flips, the paper's affine distortions.
    notes:
      "Input: the paper's normalization, one mean and one std for the whole image (so the input has mean 0 and variance 1), not the CNN's " +
      'per-pixel standardization, which divides near-constant border pixels by a std as small as 0.1 and turns a stray border pixel into an input ' +
      "that saturates the tanh units. Optimizer: Nadam (Keras defaults) in place of the paper's stochastic diagonal Levenberg-Marquardt, with the " +
      "paper's 20 passes and its learning-rate steps scaled by 2 (1e-3 for 2 epochs, 4e-4 for 3, 2e-4 for 3, 1e-4 for 4, 2e-5 for 8).",
  },
};

/**
 * LeNet-5 with the paper's RBF output (fixed 7x12 class codes) and its Euclidean loss (eq. 8), with
 * everything else as the seed recipe's softmax LeNet-5 (its plan is spread below), so the report
 * compares the two outputs alone. Trained only with `--rbf`; never shipped.
 */
export const LENET5_RBF_PLAN: TrainingPlan = {
  ...SEED_PLANS.lenet5,
  name: 'lenet5-rbf',
  shipped: false,
  loss: 'euclidean-rbf',
  displayName: 'LeNet-5, RBF output (LeCun et al. 1998)',
  build: (standardization, seed) => buildLenet5({ standardization: wholeImageStandardization(standardization), seed, output: 'rbf' }),
  notes:
    "The paper's output layer for comparison with the seed recipe's softmax LeNet-5 (comparisons/lenet5-seed): 10 Euclidean RBF units with fixed 7x12 +-1 codes (the bitmaps of the digits 0-9, " +
    "class i gets digit i), trained on the squared distance to the correct code (eq. 8); its probabilities are softmax(-distance). Same optimizer, " +
    "schedule, seed and input as the softmax model. Its training loss is that distance; validation and test losses are the cross-entropy of the probabilities, as for every model.",
};

/** Learning rate of epoch `epoch` (0-based) of `epochs` under a cosine decay from `peak` (epoch 0) towards 0. */
export const cosineRate = (peak: number, epochs: number) => (epoch: number) => (peak * (1 + Math.cos((Math.PI * Math.min(epoch, epochs - 1)) / epochs))) / 2;

const SHOP_CNN_EPOCHS = PLAN_EPOCHS.shop.cnn;
const SHOP_LENET5_EPOCHS = PLAN_EPOCHS.shop.lenet5;
const SHOP_NOTES =
  'The shop recipe: the same architecture and parameter count, trained with seeded augmentation (training.augmentation: mirror, reframing by scale, ' +
  'rotation and shift, contrast, gamma, blur, pixel noise, each on a share of the images) so the model meets what shop photos vary in, the whole-image ' +
  "input normalization (one mean and std: per-pixel standardization divides the near-constant border by a std near 0.1, so one noisy border pixel " +
  'becomes a huge input), and a cosine learning-rate decay over more epochs, as augmented data needs.';

/** The shop recipe: what the extension ships (exported to <out>/models/<id>/). */
export const SHOP_PLANS: Record<ModelId, TrainingPlan> = {
  cnn: {
    ...SEED_PLANS.cnn,
    name: 'cnn',
    recipe: 'shop',
    shipped: true,
    displayName: 'Seed CNN, shop recipe',
    augmentation: SHOP_AUGMENTATION,
    fixedPrediction: undefined,
    build: (standardization, seed) => buildCnn({ standardization: wholeImageStandardization(standardization), seed }),
    epochs: SHOP_CNN_EPOCHS,
    learningRateAt: cosineRate(CNN_NADAM.learningRate, SHOP_CNN_EPOCHS),
    optimizerConfig: { ...CNN_NADAM, schedule: `cosine from ${CNN_NADAM.learningRate} over ${SHOP_CNN_EPOCHS} epochs (per epoch)` },
    notes: `${SHOP_NOTES} Optimizer: the seed's (Keras 2.0-2.10 Nadam), ${SHOP_CNN_EPOCHS} epochs, batch 32.`,
  },
  lenet5: {
    ...SEED_PLANS.lenet5,
    name: 'lenet5',
    recipe: 'shop',
    shipped: true,
    displayName: 'LeNet-5, shop recipe',
    augmentation: SHOP_AUGMENTATION,
    fixedPrediction: undefined,
    epochs: SHOP_LENET5_EPOCHS,
    learningRateAt: cosineRate(NADAM_KERAS.learningRate, SHOP_LENET5_EPOCHS),
    optimizerConfig: { ...NADAM_KERAS, schedule: `cosine from ${NADAM_KERAS.learningRate} over ${SHOP_LENET5_EPOCHS} epochs (per epoch)` },
    notes: `${SHOP_NOTES} Optimizer: Nadam (Keras defaults), ${SHOP_LENET5_EPOCHS} epochs (cheap for LeNet-5), batch 32.`,
  },
};

/** Every recipe's plans. */
export const RECIPE_PLANS: Record<Recipe, Record<ModelId, TrainingPlan>> = { seed: SEED_PLANS, shop: SHOP_PLANS };
