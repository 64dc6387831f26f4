import { CLASS_NAMES, IMAGE_SIZE } from '../../core/model-contract.js';
import { predictOptionsOf } from '../../core/predict.js';
import type { ModelMetadata } from '../../core/types.js';
import type { FashionMnist } from '../data/fashion-mnist.js';
import { choosePredictionMode } from '../eval/choose-prediction-mode.js';
import { predictAll } from '../eval/predict-all.js';
import { scorePredictions } from '../eval/score-predictions.js';
import { gitCommit } from '../export/git-commit.js';
import type { ModelFolder } from '../export/model-folder-io.js';
import { modelToFiles } from '../export/model-to-files.js';
import { countModelParams } from '../models/model-summary.js';
import type { ConvertedKeras } from './convert-keras-file.js';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * The converted model as an in-memory model folder, measured as the pipeline measures a trained
 * one: the prediction mode chosen on the validation images (choosePredictionMode), the test-set
 * figures in that mode, the validation accuracy of the image alone; float32 weights. Nothing is
 * written; the model is disposed.
 */
export async function describeConverted(converted: ConvertedKeras, data: FashionMnist, naming: { id: string; displayName: string }, log: (line: string) => void): Promise<ModelFolder> {
  const { model, source } = converted;
  try {
    const prediction = choosePredictionMode(model, data.validation);
    log(`Prediction mode: ${prediction.mirrorAverage ? 'mirror-averaged' : 'image alone'}. ${prediction.why}`);
    const test = scorePredictions(predictAll(model, data.test.images, data.test.count, predictOptionsOf({ prediction })), data.test.labels);
    const validation = scorePredictions(predictAll(model, data.validation.images, data.validation.count), data.validation.labels);
    log(`Test accuracy ${pct(test.accuracy)}, test loss ${test.loss.toFixed(4)} on ${data.test.count.toLocaleString('en-US')} images; validation accuracy ${pct(validation.accuracy)}`);
    const metadata: ModelMetadata = {
      schemaVersion: 1,
      id: naming.id,
      displayName: naming.displayName,
      classNames: [...CLASS_NAMES],
      input: { shape: [IMAGE_SIZE, IMAGE_SIZE, 1], range: [0, 255], polarity: 'light-on-dark', standardization: 'baked-in' },
      trainableParams: countModelParams(model).trainable,
      metrics: {
        testAccuracy: test.accuracy,
        testLoss: test.loss,
        validationAccuracy: validation.accuracy,
        perClassAccuracy: test.perClassAccuracy,
        confusionMatrix: test.confusion,
      },
      source,
      prediction,
      weights: { dtype: 'float32' },
      createdAt: new Date().toISOString(),
      gitCommit: gitCommit(),
    };
    return { files: await modelToFiles(model), metadata };
  } finally {
    model.dispose();
  }
}
