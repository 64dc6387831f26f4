import type { ModelContract } from '../../core/model-loader.js';
import type { FashionMnist } from '../data/fashion-mnist.js';
import { evaluateModel, type Evaluation } from '../eval/evaluate-model.js';
import { countModelParams } from '../models/model-summary.js';
import { modelToFiles, type LayersModelFiles } from '../models/model-to-files.js';
import { predictAll } from '../shared/predict-all.js';
import { scorePredictions } from '../shared/score-predictions.js';
import type { ConvertedKeras } from './convert-keras-file.js';

/** A converted model, measured as a trained one is, and its float32 files. */
export interface MeasuredConversion {
  files: LayersModelFiles;
  contract: ModelContract & { trainableParams: number };
  evaluation: Evaluation;
  /** Validation accuracy of the image alone. */
  validationAccuracy: number;
}

/**
 * Measures the converted model as the pipeline measures a trained one (evaluateModel: the
 * prediction mode chosen on the validation images, the test set in that mode) plus the
 * validation accuracy of the image alone, and hands on its float32 files. The model is disposed.
 */
export async function measureConverted(converted: ConvertedKeras, data: FashionMnist, naming: { id: string; displayName: string }, log: (line: string) => void): Promise<MeasuredConversion> {
  const { model } = converted;
  try {
    const evaluation = evaluateModel(model, data, undefined, log);
    const validation = scorePredictions(predictAll(model, data.validation.images, data.validation.count), data.validation.labels);
    log(`Validation accuracy ${(validation.accuracy * 100).toFixed(2)}% (each image alone)`);
    const contract = { ...naming, trainableParams: countModelParams(model).trainable, weights: {} };
    return { files: await modelToFiles(model), contract, evaluation, validationAccuracy: validation.accuracy };
  } finally {
    model.dispose();
  }
}
