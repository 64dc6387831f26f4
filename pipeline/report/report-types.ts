import type { TopKEntry } from '../../core/top-k.js';
import type { ModelMetadata, QuantizationResult } from '../../core/types.js';
import type { ProductPhotoAccuracy } from '../eval/product-photo-accuracy.js';
import type { LayerSummary, ParamCounts } from '../models/model-summary.js';

/** One test image shown in the report with what the model made of it. */
export interface GalleryItem {
  /** Index in the test set. */
  index: number;
  /** True label 0..9. */
  label: number;
  /** The 28x28 image (784 bytes). */
  pixels: Uint8Array;
  /** The model's top-3 classes, most probable first. */
  top: TopKEntry[];
}

/** Everything the report shows about one model. */
export interface ModelReport {
  /** The model's metadata.json (validated), exactly as on disk. */
  metadata: ModelMetadata;
  /** One row per layer, as Keras' summary. */
  architecture: LayerSummary[];
  /** Parameter totals. */
  params: ParamCounts;
  /** Bytes of the shipped weight shards on disk. */
  shippedWeightBytes: number;
  /** The first test images with their top-3 (the seed's last cells, as pictures). */
  firstPredictions: GalleryItem[];
  /** The test images the model got wrong with the highest confidence, most confident first. */
  confidentMistakes: GalleryItem[];
  /** Accuracy of the shipped model on the test images and on them as product photos. */
  productPhoto: ProductPhotoAccuracy;
}

/** One model's entry in metrics.json: its metadata verbatim plus the figures only the report computes. */
export interface ModelMetrics {
  /** metadata.json of the model, verbatim (tests check it is identical). */
  metadata: ModelMetadata;
  /** The weight dtype shipped in models/<id>/ (metadata.weights.dtype). */
  shippedDtype: ModelMetadata['weights']['dtype'];
  /** Bytes of the shipped weight shards. */
  shippedWeightBytes: number;
  /** Every exported weight variant, as metadata.weights.variants records them ([] before quantization). */
  quantization: QuantizationResult[];
  /** Accuracy on the test images beside the same images as product photos (shipped weights). */
  productPhoto: Omit<ProductPhotoAccuracy, 'perStyle'> & { perStyle: { scale: number; count: number; accuracy: number }[] };
  /** Parameter totals. */
  params: ParamCounts;
  /** The architecture table. */
  architecture: LayerSummary[];
  /** First test images: index, true label, top-3. */
  firstPredictions: { index: number; label: number; top: TopKEntry[] }[];
  /** Most confident mistakes: index, true label, top-3. */
  confidentMistakes: { index: number; label: number; top: TopKEntry[] }[];
}

/** The contents of report/metrics.json. */
export interface ReportMetrics {
  /** ISO 8601 time the report was written. */
  generatedAt: string;
  /** Test images the report's own figures (galleries, product photos) were computed on. */
  testImages: number;
  /** One entry per exported model, in MODEL_IDS order. */
  models: ModelMetrics[];
  /** metadata.json of each model trained only for comparison (LeNet-5's RBF output, --rbf), verbatim; [] without. */
  comparisons: ModelMetadata[];
}
