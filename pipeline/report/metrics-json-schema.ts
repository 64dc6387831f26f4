import * as v from 'valibot';
import { arrayOf, integerFrom, numberIn, objectOf, oneOf, problemSentence, rule, text } from '../../core/metadata/json-rules.js';
import { ModelMetadataSchema, QuantizationResultSchema, RobustnessResultSchema, ShopPhotoMetricsSchema } from '../../core/metadata/model-metadata-schema.js';
import { NUM_CLASSES } from '../../core/model-contract.js';
import { WEIGHT_DTYPES } from '../../core/types.js';

// The one declaration of report/metrics.json: the types are inferred from it, and writeReport
// validates what it writes with it (parseReportMetrics).

const fraction = () => numberIn(0, 1);
const flag = () => rule<boolean>((x) => typeof x === 'boolean', 'true or false');
const classIndex = () => numberIn(0, NUM_CLASSES - 1);

/** One ranked label: class index, class name, softmax probability. */
const TopKEntrySchema = objectOf({ index: classIndex(), label: text(), probability: fraction() });

/** One real photo's result (the pictures are in index.html). */
const PhotoResultSchema = objectOf({
  /** Path relative to pipeline/data/shop-photos. */
  file: text(),
  /** The right class index. */
  label: classIndex(),
  /** The three most probable classes in the model's own mode. */
  top3: arrayOf(TopKEntrySchema),
  correctTop1: flag(),
  correctTop3: flag(),
});

/** A test image of a gallery: index, true label, top-3. */
const GalleryEntrySchema = objectOf({ index: integerFrom(0), label: classIndex(), top: arrayOf(TopKEntrySchema) });

/** What metrics.json holds for every exported model, shipped or comparison. */
const CHECKED_MODEL = {
  /** The export's folder relative to the output root. */
  folder: text(),
  /** metadata.json of the model, verbatim (tests check it is identical). */
  metadata: ModelMetadataSchema,
  /** The robustness suite: metadata.metrics.robustness verbatim, and the test images it was run on. */
  robustness: objectOf({ testImages: integerFrom(1), results: arrayOf(RobustnessResultSchema) }),
  /** The real photos: metadata.metrics.shopPhotos verbatim, each photo's result, and a note when the two disagree. */
  shopPhotos: objectOf({ metrics: ShopPhotoMetricsSchema, perPhoto: arrayOf(PhotoResultSchema), disagreement: v.optional(text()) }),
};

export const CheckedModelMetricsSchema = objectOf(CHECKED_MODEL);

/** One shipped model's entry: the checks plus the figures only the report computes. */
export const ModelMetricsSchema = objectOf({
  ...CHECKED_MODEL,
  /** The weight dtype shipped in models/<id>/ (metadata.weights.dtype). */
  shippedDtype: oneOf(WEIGHT_DTYPES),
  /** Bytes of the shipped weight shards. */
  shippedWeightBytes: integerFrom(1),
  /** Every exported weight variant, as metadata.weights.variants records them ([] before quantization). */
  quantization: arrayOf(QuantizationResultSchema),
  /** The conversion's round trip: test images beside the same images rendered as photos and converted back (own mode). */
  roundTrip: objectOf({
    count: integerFrom(1),
    originalAccuracy: fraction(),
    productPhotoAccuracy: fraction(),
    originalPerClassAccuracy: arrayOf(fraction(), NUM_CLASSES),
    perClassAccuracy: arrayOf(fraction(), NUM_CLASSES),
    perStyle: arrayOf(objectOf({ scale: numberIn(0), count: integerFrom(0), accuracy: fraction() })),
  }),
  /** Parameter totals. */
  params: objectOf({ total: integerFrom(0), trainable: integerFrom(0), nonTrainable: integerFrom(0) }),
  /** The architecture table: one row per layer, as Keras' summary. */
  architecture: arrayOf(
    objectOf({
      name: text(),
      type: text(),
      /** Output shape with the batch dimension as null. */
      outputShape: arrayOf(rule<number | null>((x) => x === null || (Number.isInteger(x) && (x as number) >= 0), 'a whole number or null')),
      params: integerFrom(0),
      trainableParams: integerFrom(0),
    }),
  ),
  /** First test images: index, true label, top-3. */
  firstPredictions: arrayOf(GalleryEntrySchema),
  /** Most confident mistakes: index, true label, top-3. */
  confidentMistakes: arrayOf(GalleryEntrySchema),
});

/** The contents of report/metrics.json. */
export const ReportMetricsSchema = objectOf({
  /** ISO 8601 time the report was written. */
  generatedAt: text(),
  /** Test images the report's own figures (galleries, round trip) were computed on. */
  testImages: integerFrom(1),
  /** One entry per shipped model (models/), in MODEL_IDS order. */
  models: arrayOf(ModelMetricsSchema),
  /** One entry per export trained only for comparison (comparisons/); [] without. */
  comparisons: arrayOf(CheckedModelMetricsSchema),
});

export type ShopPhotoResultMetrics = v.InferOutput<typeof PhotoResultSchema>;
export type CheckedModelMetrics = v.InferOutput<typeof CheckedModelMetricsSchema>;
export type ModelMetrics = v.InferOutput<typeof ModelMetricsSchema>;
export type ReportMetrics = v.InferOutput<typeof ReportMetricsSchema>;

/**
 * Checks metrics.json before it is written: returns it unchanged, or throws one Error naming every
 * problem with its JSON path (a report that would write a malformed file is a bug of the report).
 */
export function parseReportMetrics(metrics: unknown): ReportMetrics {
  const result = v.safeParse(ReportMetricsSchema, metrics);
  if (result.success) return metrics as ReportMetrics;
  throw new Error(`The report built a metrics.json that does not match its schema (pipeline/report/metrics-json-schema.ts): ${result.issues.slice(0, 12).map(problemSentence).join('; ')}.`);
}
