/** Ids of the models the pipeline trains and the extension ships. */
export const MODEL_IDS = ['cnn', 'lenet5'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** Training criteria: cross-entropy of the softmax, or LeNet-5's Euclidean RBF loss (LeCun et al. 1998, eq. 8). */
export const TRAINING_LOSSES = ['cross-entropy', 'euclidean-rbf'] as const;
export type TrainingLoss = (typeof TRAINING_LOSSES)[number];

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
  /** Model id: 'cnn' or 'lenet5'. */
  id: ModelId;
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
  };
  training: {
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
    history: { epoch: number; loss: number; accuracy: number; valLoss: number; valAccuracy: number; seconds: number }[];
    /** SHA-256 of each decompressed dataset file, by file name. */
    datasetSha256: Record<string, string>;
  };
  /** How the shipped weights are stored, and the measured variants. */
  weights: {
    dtype: WeightDtype;
    variants?: QuantizationResult[];
  };
  /** ISO 8601 time of export. */
  createdAt: string;
  /** Git commit of the code that trained it ('unknown' outside a git checkout). */
  gitCommit: string;
}
