import { CLASS_NAMES } from '../../core/model-contract.js';
import { MODEL_INPUT, SCHEMA_VERSION } from '../../core/metadata/model-metadata-schema.js';
import type { ConvertedSource, ModelMetadata, QuantizationResult, TrainingRecord, WeightDtype } from '../../core/types.js';
import type { Scores } from '../shared/score-predictions.js';
import type { LayersModelFiles } from '../models/model-to-files.js';
import { sha256Hex } from '../shared/sha256-hex.js';

/** Everything metadata.json says about a model, as the pipeline (or the converter) found it. */
export interface MetadataParts {
  contract: { id: string; displayName: string; trainableParams: number };
  /** How the model is meant to be run, and the test set run that way. */
  evaluation: { prediction: ModelMetadata['prediction']; test: Scores };
  validationAccuracy: number;
  /** The robustness suite and the real shop photos, with the weights that ship. */
  checks: Pick<ModelMetadata['metrics'], 'robustness' | 'shopPhotos'>;
  /** How it was made: trained by the pipeline, or converted from a Keras file. */
  origin: { training: TrainingRecord } | { source: ConvertedSource };
  /** The weights that ship (hashed into weights.sha256) and how they are stored. */
  shipped: { files: LayersModelFiles; weights: { dtype: WeightDtype; variants?: QuantizationResult[] } };
  /** When, and from which commit. */
  made: { createdAt: string; gitCommit: string };
}

/** metadata.json for a model, from its parts. Pure. */
export function buildMetadata(p: MetadataParts): ModelMetadata {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: p.contract.id,
    displayName: p.contract.displayName,
    classNames: [...CLASS_NAMES],
    input: MODEL_INPUT,
    trainableParams: p.contract.trainableParams,
    metrics: {
      testAccuracy: p.evaluation.test.accuracy,
      testLoss: p.evaluation.test.loss,
      validationAccuracy: p.validationAccuracy,
      perClassAccuracy: p.evaluation.test.perClassAccuracy,
      confusionMatrix: p.evaluation.test.confusion,
      ...p.checks,
    },
    ...p.origin,
    prediction: p.evaluation.prediction,
    weights: { ...p.shipped.weights, sha256: sha256Hex(p.shipped.files.weightData) },
    ...p.made,
  };
}
