import type { TopKEntry } from '../../core/top-k.js';
import type { ModelMetadata, RobustnessResult, ShopPhotoMetrics } from '../../core/types.js';
import type { ProductPhotoAccuracy } from '../eval/product-photo-accuracy.js';
import type { ShopPhotoResult } from '../eval/shop-photos.js';
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

/** A model's top-1 on the robustness suite (the test images under each named change). */
export interface RobustnessReport {
  /** Test images the pipeline recorded the figures on. */
  testImages: number;
  /** One per suite change, 'none' first. */
  results: RobustnessResult[];
}

/** A model's figures on the project's real product photos, and how it did on each. */
export interface ShopPhotoReport {
  /** metadata.metrics.shopPhotos verbatim. */
  metrics: ShopPhotoMetrics;
  /** Each photo in labels.tsv order, predicted by the exported weights in the model's own mode. */
  perPhoto: ShopPhotoResult[];
  /** Set when metadata's figures differ from the photos' predictions now (the photos or weights changed since). */
  disagreement?: string;
}

/** Any exported model (models/ or comparisons/) with what the report checks it on beyond the test set. */
export interface CheckedModel {
  /** The export's folder relative to the output root, e.g. 'models/cnn' or 'comparisons/cnn-seed'. */
  folder: string;
  /** Its metadata.json (validated), exactly as on disk. */
  metadata: ModelMetadata;
  robustness: RobustnessReport;
  shopPhotos: ShopPhotoReport;
}

/** Everything the report shows about one shipped model (models/<id>). */
export interface ModelReport extends CheckedModel {
  /** One row per layer, as Keras' summary. */
  architecture: LayerSummary[];
  /** Parameter totals. */
  params: ParamCounts;
  /** Bytes of the shipped weight shards on disk. */
  shippedWeightBytes: number;
  /** The first test images with their top-3 (the seed's last cells, as pictures), in the model's own mode. */
  firstPredictions: GalleryItem[];
  /** The test images the model got wrong with the highest confidence, most confident first (own mode). */
  confidentMistakes: GalleryItem[];
  /** The conversion's round trip: accuracy on the test images and on them rendered as photos and converted back (own mode). */
  roundTrip: ProductPhotoAccuracy;
}

// metrics.json's own types are inferred from its schema (metrics-json-schema.ts).
export type { CheckedModelMetrics, ModelMetrics, ReportMetrics, ShopPhotoResultMetrics } from './metrics-json-schema.js';
