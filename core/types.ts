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

/** Where a model converted from a Keras file (`npm run convert`) came from. */
export interface ConvertedSource {
  /** The file format read. */
  format: KerasFormat;
  /** The file's name (without its folder). */
  file: string;
  /** SHA-256 (64 lower-case hex digits) of the file as read. */
  sha256: string;
  /** The Keras version that wrote it, as the file says ('unknown' when it says none). */
  kerasVersion: string;
  /** What the Keras model expects as input; the conversion bakes it in, so the model takes 0..255 pixels like every other. */
  input: KerasInput;
}

/** Training criteria: cross-entropy of the softmax, or LeNet-5's Euclidean RBF loss (LeCun et al. 1998, eq. 8). */
export const TRAINING_LOSSES = ['cross-entropy', 'euclidean-rbf'] as const;
export type TrainingLoss = (typeof TRAINING_LOSSES)[number];

/** Training recipes: the seed notebook's (the faithful port), or the shop recipe (augmented, what ships). */
export const RECIPES = ['seed', 'shop'] as const;
export type Recipe = (typeof RECIPES)[number];

/** Top-1 accuracy on the 10,000 test images under one named change (the robustness suite). */
export interface RobustnessResult {
  /** Short id of the change, e.g. 'mirror', 'noise-20'; 'none' is the test set as it is. */
  change: string;
  /** What the change does, in words. */
  description: string;
  /** Top-1 accuracy 0..1 predicting the image alone. */
  accuracy: number;
  /** Top-1 accuracy 0..1 averaging the image's and its mirror's probabilities. */
  mirrorAveragedAccuracy: number;
}

/** Top-1 and top-3 accuracy on a set of photos. */
export interface TopAccuracy {
  /** Number of photos. */
  count: number;
  /** Fraction 0..1 whose most probable class is right. */
  top1: number;
  /** Fraction 0..1 whose right class is among the three most probable. */
  top3: number;
}

/** Accuracy on the project's real product photos (tests/fixtures/shop-photos), through core's conversion. */
export interface ShopPhotoMetrics {
  /** All photos, predicting each alone. */
  overall: TopAccuracy;
  /** All photos, averaging each photo's and its mirror's probabilities. */
  mirrorAveraged: TopAccuracy;
  /** Per class present in the set (with the model's own prediction mode), in label order. */
  perClass: (TopAccuracy & { classIndex: number })[];
}

/** Weight storage of an exported model. */
export type WeightDtype = 'float32' | 'float16' | 'uint8';

/** Test-set accuracy of one exported weight dtype, loaded back through core's loader. */
export interface QuantizationResult {
  /** The weight dtype of this variant. */
  dtype: WeightDtype;
  /** Total size of the weight shards in bytes. */
  weightBytes: number;
  /** Test accuracy (0..1) of this variant. */
  testAccuracy: number;
}

/** The contents of metadata.json beside each model.json. Validated by parseModelMetadata. */
export interface ModelMetadata {
  /** Format version of this file (currently 1). */
  schemaVersion: 1;
  /** Model id (MODEL_ID_PATTERN): 'cnn' or 'lenet5' for the trained architectures, a converted model's own id otherwise. */
  id: string;
  /** Human-readable name, e.g. "Seed CNN (Keras notebook)". */
  displayName: string;
  /** Class names in label order; must equal core's CLASS_NAMES. */
  classNames: string[];
  /** What the model takes: one 28x28x1 image of raw 0..255 pixels, light item on black. */
  input: {
    shape: [28, 28, 1];
    range: [0, 255];
    polarity: 'light-on-dark';
    /** Standardization is the model's first layer; consumers feed raw pixels. */
    standardization: 'baked-in';
  };
  /** Trainable parameter count. */
  trainableParams: number;
  metrics: {
    /** Test accuracy 0..1 on the 10,000 test images. */
    testAccuracy: number;
    /** Test loss (sparse categorical cross-entropy). */
    testLoss: number;
    /** Validation accuracy 0..1 after the last epoch (5,000 held-out training images). */
    validationAccuracy: number;
    /** Accuracy 0..1 per class, in label order. */
    perClassAccuracy: number[];
    /** confusionMatrix[true][predicted] counts over the test set (10x10). */
    confusionMatrix: number[][];
    /** The robustness suite: the test set under each named change ('none' first). Absent in older exports. */
    robustness?: RobustnessResult[];
    /** The real product photos. Absent in older exports. */
    shopPhotos?: ShopPhotoMetrics;
  };
  /** How the pipeline trained it; absent for a model converted from Keras (which has `source` instead). */
  training?: TrainingRecord;
  /** The Keras file a converted model came from (`npm run convert`); absent for a model the pipeline trained. */
  source?: ConvertedSource;
  /**
   * How the model is meant to be used. mirrorAverage: average the probabilities of the image and
   * of its left-right mirror (core/predict does it when this says so). Absent: false.
   */
  prediction?: { mirrorAverage: boolean; why?: string };
  /** How the shipped weights are stored, and the measured variants. */
  weights: {
    dtype: WeightDtype;
    variants?: QuantizationResult[];
    /**
     * SHA-256 (64 lower-case hex digits) of the weight data: every shard of model.json's
     * weightsManifest joined in manifest order (our exports have one, weights.bin, so it is that
     * file's hash). Checked at load and by the extension build. Absent in exports made before
     * it was recorded (issue 12, item 8); `npm run hash-weights` adds it.
     */
    sha256?: string;
  };
  /** ISO 8601 time of export. */
  createdAt: string;
  /** Git commit of the code that trained it ('unknown' outside a git checkout). */
  gitCommit: string;
}

/** How the pipeline trained a model (metadata.json's `training`). */
export interface TrainingRecord {
  epochs: number;
  batchSize: number;
  /** Optimizer name and settings, e.g. {name:'Nadam', learningRate:1e-3, ...}. */
  optimizer: { name: string } & Record<string, number | string>;
  /** Why these settings (free text; e.g. LeNet-5's choice). */
  notes?: string;
  /**
   * The training criterion: 'cross-entropy' (absent in older exports means this too) or
   * 'euclidean-rbf' (LeNet-5's RBF output). history[].loss is this criterion; validation and
   * test losses are always the cross-entropy of the probabilities.
   */
  loss?: TrainingLoss;
  /** The recipe that trained it (absent in older exports: 'seed'). */
  recipe?: Recipe;
  /** The training augmentation's settings (absent: none). */
  augmentation?: Record<string, number | string | boolean>;
  seed: number;
  /** tfjs backend used to train, e.g. 'tensorflow'. */
  backend: string;
  /** TensorFlow C library version, e.g. '2.15.1'. */
  tensorflowVersion: string;
  /** Wall-clock training seconds (all epochs). */
  seconds: number;
  /** Mean training samples per second. */
  samplesPerSecond: number;
  /** Per-epoch history. */
  history: EpochLog[];
  /** SHA-256 of each decompressed dataset file, by file name. */
  datasetSha256: Record<string, string>;
}

/** One epoch of training, as the pipeline logs it and metadata.json records it. */
export interface EpochLog {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean training loss over the epoch's batches (dropout active, as Keras reports it). */
  loss: number;
  /** Training accuracy over the epoch's batches. */
  accuracy: number;
  /** Validation loss on the held-out 5,000 images after the epoch. */
  valLoss: number;
  /** Validation accuracy after the epoch. */
  valAccuracy: number;
  /** Wall-clock seconds of the epoch's training steps (validation excluded). */
  seconds: number;
}
