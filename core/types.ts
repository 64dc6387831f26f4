/** Ids of the architectures the pipeline trains. */
export const MODEL_IDS = ['cnn', 'lenet5'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/**
 * What every model id looks like (a trained architecture's, or a converted model's own): lower-case
 * letters, digits and dashes, starting with a letter or digit, at most 40 characters. It names the
 * model's folder, so it can hold nothing that a path or a URL would read differently.
 */
export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** How a converted Keras model expects its pixels: the seed notebook's per-pixel standardization, x/255, or 0..255 as they are. */
export const KERAS_INPUTS = ['seed', 'unit', 'raw'] as const;
export type KerasInput = (typeof KERAS_INPUTS)[number];

/** The file formats Keras writes: the `.keras` zip, and the legacy HDF5 `.h5`. */
export const KERAS_FORMATS = ['keras', 'h5'] as const;
export type KerasFormat = (typeof KERAS_FORMATS)[number];

/** Training criteria: cross-entropy of the softmax, or LeNet-5's Euclidean RBF loss (LeCun et al. 1998, eq. 8). */
export const TRAINING_LOSSES = ['cross-entropy', 'euclidean-rbf'] as const;
export type TrainingLoss = (typeof TRAINING_LOSSES)[number];

/** Training recipes: the seed notebook's (the faithful port), or the shop recipe (augmented, what ships). */
export const RECIPES = ['seed', 'shop'] as const;
/** How the pipeline runs a training step: one TensorFlow graph per step, or tfjs' eager ops. */
export const TRAINING_ENGINES = ['graph', 'eager'] as const;
export type TrainingEngine = (typeof TRAINING_ENGINES)[number];
/** The compute precision of training: float32, or bfloat16 with float32 weights and loss. */
export const TRAINING_PRECISIONS = ['fp32', 'bf16'] as const;
export type TrainingPrecision = (typeof TRAINING_PRECISIONS)[number];
export type Recipe = (typeof RECIPES)[number];

/** How the weights of an exported model are stored. */
export const WEIGHT_DTYPES = ['float32', 'float16', 'uint8'] as const;
export type WeightDtype = (typeof WEIGHT_DTYPES)[number];

// metadata.json's types are inferred from its one schema (core/metadata/model-metadata-schema.ts).
export type {
  ConvertedSource,
  EpochLog,
  ModelMetadata,
  QuantizationResult,
  RobustnessResult,
  ShopPhotoMetrics,
  TopAccuracy,
  TrainingRecord,
} from './metadata/model-metadata-schema.js';
