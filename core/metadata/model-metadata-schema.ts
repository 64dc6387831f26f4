import * as v from 'valibot';
import { CLASS_NAMES, IMAGE_SIZE, NUM_CLASSES } from '../model-contract.js';
import { KERAS_FORMATS, KERAS_INPUTS, MODEL_ID_PATTERN, RECIPES, TRAINING_ENGINES, TRAINING_LOSSES, TRAINING_PRECISIONS, WEIGHT_DTYPES } from '../types.js';
import { anyText, arrayOf, equalTo, integer, integerFrom, numberIn, objectOf, oneOf, recordOf, rule, text } from './json-rules.js';

// metadata.json, declared once: the TypeScript types below are inferred from this schema, and
// parseModelMetadata validates with it (the pipeline before writing, the extension's build and
// loader before using a model).

/** The version of metadata.json's format this schema reads and the pipeline writes. */
export const SCHEMA_VERSION = 1;

/** What every model takes: one 28x28x1 image of raw 0..255 pixels, light item on black; standardization is the model's first layer. */
export const MODEL_INPUT = { shape: [IMAGE_SIZE, IMAGE_SIZE, 1], range: [0, 255], polarity: 'light-on-dark', standardization: 'baked-in' } as const;

/** ISO 8601 date-time with a zone, as Date.prototype.toISOString writes it (offsets also accepted). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A full commit hash, optionally marked dirty, or 'unknown' outside a git checkout. */
const GIT_COMMIT = /^([0-9a-f]{40}(-dirty)?|unknown)$/;
const sha256 = () => text(/^[0-9a-f]{64}$/, 'a SHA-256 (64 lowercase hex digits)');
const fraction = () => numberIn(0, 1);
const setting = (kinds: string[], what: string) => rule<number | string | boolean>((x) => kinds.includes(typeof x) && (typeof x !== 'number' || Number.isFinite(x)), what);

/** Top-1 and top-3 accuracy on a set of photos. */
const TOP_ACCURACY = {
  /** Number of photos. */
  count: integerFrom(0),
  /** Fraction 0..1 whose most probable class is right. */
  top1: fraction(),
  /** Fraction 0..1 whose right class is among the three most probable. */
  top3: fraction(),
};
const TopAccuracySchema = objectOf(TOP_ACCURACY);

/** Top-1 accuracy on the test images under one named change (the robustness suite). */
export const RobustnessResultSchema = objectOf({
  /** Short id of the change, e.g. 'mirror', 'noise-20'; 'none' is the test set as it is. */
  change: text(),
  /** What the change does, in words. */
  description: text(),
  /** Top-1 accuracy 0..1 predicting the image alone. */
  accuracy: fraction(),
  /** Top-1 accuracy 0..1 averaging the image's and its mirror's probabilities. */
  mirrorAveragedAccuracy: fraction(),
});

/** Accuracy on the project's real product photos, through core's conversion. */
export const ShopPhotoMetricsSchema = objectOf({
  /** All photos, predicting each alone. */
  overall: TopAccuracySchema,
  /** All photos, averaging each photo's and its mirror's probabilities. */
  mirrorAveraged: TopAccuracySchema,
  /** Per class present in the set (with the model's own prediction mode), in label order. */
  perClass: arrayOf(objectOf({ ...TOP_ACCURACY, classIndex: numberIn(0, NUM_CLASSES - 1) })),
});

/** One epoch of training, as the pipeline logs it and metadata.json records it. */
const EpochLogSchema = objectOf({
  /** 1-based epoch number. */
  epoch: integerFrom(1),
  /** Mean training loss over the epoch's batches (dropout active, as Keras reports it). */
  loss: numberIn(0),
  /** Training accuracy over the epoch's batches. */
  accuracy: fraction(),
  /** Validation loss on the held-out images after the epoch. */
  valLoss: numberIn(0),
  /** Validation accuracy after the epoch. */
  valAccuracy: fraction(),
  /** Wall-clock seconds of the epoch's training steps (validation excluded). */
  seconds: numberIn(0),
});

/** How the pipeline trained a model (metadata.json's `training`). */
const TrainingRecordSchema = objectOf({
  epochs: integerFrom(1),
  batchSize: integerFrom(1),
  /** Optimizer name and settings, e.g. {name:'Nadam', learningRate:1e-3, ...}. */
  optimizer: v.objectWithRest({ name: text() }, setting(['number', 'string'], 'a number or a string') as v.GenericSchema<number | string>, (issue) =>
    issue.input === undefined && issue.path?.length ? 'is missing' : `must be an object with a name (got ${JSON.stringify(issue.input)})`,
  ),
  /** Why these settings (free text). */
  notes: v.optional(anyText()),
  /** The training criterion; history[].loss is this criterion, validation and test losses are always the cross-entropy of the probabilities. */
  loss: oneOf(TRAINING_LOSSES),
  /** The recipe that trained it. */
  recipe: oneOf(RECIPES),
  /** The training augmentation's settings (absent: none). */
  augmentation: v.optional(recordOf(setting(['number', 'string', 'boolean'], 'a number, a string or a boolean'), 'an object of settings')),
  seed: integer(),
  /** tfjs backend used to train, e.g. 'tensorflow'. */
  backend: text(),
  /** How each step ran: 'graph' (one TensorFlow session call) or 'eager' (tfjs ops); absent in models trained before the graph engine (eager). */
  engine: v.optional(oneOf(TRAINING_ENGINES)),
  /** Compute precision: 'fp32', or 'bf16' (bfloat16 compute, float32 weights and loss); absent: fp32. */
  precision: v.optional(oneOf(TRAINING_PRECISIONS)),
  /** TensorFlow C library version, e.g. '2.15.1'. */
  tensorflowVersion: anyText(),
  /** Wall-clock training seconds (all epochs). */
  seconds: numberIn(0),
  /** Mean training samples per second. */
  samplesPerSecond: numberIn(0),
  /** Per-epoch history. */
  history: arrayOf(EpochLogSchema),
  /** SHA-256 of each decompressed dataset file, by file name. */
  datasetSha256: recordOf(sha256(), 'an object of file name to SHA-256'),
});

/** Where a model converted from a Keras file (`npm run convert`) came from. */
const ConvertedSourceSchema = objectOf({
  /** The file format read. */
  format: oneOf(KERAS_FORMATS),
  /** The file's name (without its folder). */
  file: text(),
  /** SHA-256 of the file as read. */
  sha256: sha256(),
  /** The Keras version that wrote it, as the file says ('unknown' when it says none). */
  kerasVersion: text(),
  /** What the Keras model expects as input; the conversion bakes it in, so the model takes 0..255 pixels like every other. */
  input: oneOf(KERAS_INPUTS),
});

/** Test-set accuracy of one exported weight dtype, loaded back through core's loader. */
export const QuantizationResultSchema = objectOf({
  dtype: oneOf(WEIGHT_DTYPES),
  /** Total size of the weight shards in bytes. */
  weightBytes: integerFrom(1),
  /** Test accuracy (0..1) of this variant. */
  testAccuracy: fraction(),
});

const createdAt = v.custom<string>(
  (x) => typeof x === 'string' && ISO_DATE_TIME.test(x) && !Number.isNaN(Date.parse(x)),
  (issue) => `must be ${typeof issue.input === 'string' && ISO_DATE_TIME.test(issue.input) ? 'a real date' : 'an ISO 8601 date-time such as "2026-01-31T12:00:00.000Z"'} (got ${JSON.stringify(issue.input)})`,
);

/** The contents of metadata.json beside each model.json. */
export const ModelMetadataSchema = v.pipe(
  objectOf({
    /** Format version of this file. */
    schemaVersion: equalTo(SCHEMA_VERSION),
    /** Model id (MODEL_ID_PATTERN): 'cnn' or 'lenet5' for the trained architectures, a converted model's own id otherwise. */
    id: text(MODEL_ID_PATTERN, 'lower-case letters, digits and dashes (at most 40, not starting with a dash)'),
    /** Human-readable name, e.g. "Seed CNN (Keras notebook)". */
    displayName: text(),
    /** Class names in label order. */
    classNames: equalTo(CLASS_NAMES as readonly string[]),
    input: objectOf({
      shape: equalTo(MODEL_INPUT.shape),
      range: equalTo(MODEL_INPUT.range),
      polarity: oneOf([MODEL_INPUT.polarity]),
      standardization: oneOf([MODEL_INPUT.standardization]),
    }),
    /** Trainable parameter count. */
    trainableParams: integerFrom(1),
    metrics: objectOf({
      /** Test accuracy 0..1 on the test images. */
      testAccuracy: fraction(),
      /** Test loss (sparse categorical cross-entropy). */
      testLoss: numberIn(0),
      /** Validation accuracy 0..1 after the last epoch (held-out training images). */
      validationAccuracy: fraction(),
      /** Accuracy 0..1 per class, in label order. */
      perClassAccuracy: arrayOf(fraction(), NUM_CLASSES),
      /** confusionMatrix[true][predicted] counts over the test set. */
      confusionMatrix: arrayOf(arrayOf(integerFrom(0), NUM_CLASSES), NUM_CLASSES),
      /** The robustness suite: the test set under each named change ('none' first). */
      robustness: arrayOf(RobustnessResultSchema),
      /** The real product photos. */
      shopPhotos: ShopPhotoMetricsSchema,
    }),
    /** How the pipeline trained it; absent for a model converted from Keras (which has `source` instead). */
    training: v.optional(TrainingRecordSchema),
    /** The Keras file a converted model came from; absent for a model the pipeline trained. */
    source: v.optional(ConvertedSourceSchema),
    /** How the model is meant to be used: average the probabilities of the image and of its mirror (core/predict does it when this says so), and why. */
    prediction: objectOf({ mirrorAverage: rule<boolean>((x) => typeof x === 'boolean', 'true or false'), why: text() }),
    /** How the shipped weights are stored, and the measured variants. */
    weights: objectOf({
      dtype: oneOf(WEIGHT_DTYPES),
      variants: v.optional(arrayOf(QuantizationResultSchema)),
      /**
       * SHA-256 of the weight data: every shard of model.json's weightsManifest joined in manifest
       * order (our exports have one, weights.bin). Checked at load and by the extension build.
       */
      sha256: sha256(),
    }),
    /** ISO 8601 time of export. */
    createdAt,
    /** Git commit of the code that made it ('unknown' outside a git checkout). */
    gitCommit: text(GIT_COMMIT, 'a 40-hex-digit commit (optionally "-dirty") or "unknown"'),
  }),
  // A model was either trained by the pipeline or converted from a Keras file: exactly one of the two says how it was made.
  v.check((m) => (m.training === undefined) !== (m.source === undefined), 'exactly one of training (a model the pipeline trained) and source (a model converted from Keras) must be present'),
);

export type ModelMetadata = v.InferOutput<typeof ModelMetadataSchema>;
export type TrainingRecord = NonNullable<ModelMetadata['training']>;
export type ConvertedSource = NonNullable<ModelMetadata['source']>;
export type EpochLog = v.InferOutput<typeof EpochLogSchema>;
export type RobustnessResult = v.InferOutput<typeof RobustnessResultSchema>;
export type TopAccuracy = v.InferOutput<typeof TopAccuracySchema>;
export type ShopPhotoMetrics = v.InferOutput<typeof ShopPhotoMetricsSchema>;
export type QuantizationResult = v.InferOutput<typeof QuantizationResultSchema>;
