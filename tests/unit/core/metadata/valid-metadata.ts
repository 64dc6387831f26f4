import { CLASS_NAMES } from '../../../../core/model-contract.js';
import type { ModelMetadata } from '../../../../core/types.js';

/** A complete, valid metadata object as the pipeline writes it (fresh copy each call, safe to mutate). */
export function validMetadata(overrides: Partial<ModelMetadata> = {}): ModelMetadata {
  const confusionMatrix = Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 900 : t + p === 9 ? 100 : 0)));
  return {
    schemaVersion: 1,
    id: 'lenet5',
    displayName: 'LeNet-5 (LeCun et al. 1998)',
    classNames: [...CLASS_NAMES],
    input: { shape: [28, 28, 1], range: [0, 255], polarity: 'light-on-dark', standardization: 'baked-in' },
    trainableParams: 60850,
    metrics: {
      testAccuracy: 0.9,
      testLoss: 0.27,
      validationAccuracy: 0.91,
      perClassAccuracy: new Array(10).fill(0.9),
      confusionMatrix,
      robustness: [
        { change: 'none', description: 'the test images as they are', accuracy: 0.9, mirrorAveragedAccuracy: 0.91 },
        { change: 'mirror', description: 'mirrored left to right', accuracy: 0.7, mirrorAveragedAccuracy: 0.91 },
      ],
      shopPhotos: {
        overall: { count: 36, top1: 0.5, top3: 0.75 },
        mirrorAveraged: { count: 36, top1: 0.5, top3: 0.75 },
        perClass: [{ classIndex: 0, count: 9, top1: 0.5, top3: 0.75 }],
      },
    },
    training: {
      epochs: 2,
      batchSize: 32,
      optimizer: { name: 'Nadam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      notes: 'test fixture',
      loss: 'cross-entropy',
      recipe: 'seed',
      seed: 42,
      backend: 'tensorflow',
      tensorflowVersion: '2.15.1',
      seconds: 12.5,
      samplesPerSecond: 8800,
      history: [
        { epoch: 1, loss: 0.5, accuracy: 0.82, valLoss: 0.4, valAccuracy: 0.86, seconds: 6.2 },
        { epoch: 2, loss: 0.35, accuracy: 0.88, valLoss: 0.3, valAccuracy: 0.91, seconds: 6.3 },
      ],
      datasetSha256: { 'train-images-idx3-ubyte': 'a'.repeat(64), 't10k-labels-idx1-ubyte': '0123456789abcdef'.repeat(4) },
    },
    prediction: { mirrorAverage: false, why: 'The seed recipe predicts each image alone, as the notebook does.' },
    weights: { dtype: 'float32', variants: [{ dtype: 'float16', weightBytes: 128_000, testAccuracy: 0.9 }], sha256: 'b'.repeat(64) },
    createdAt: '2026-11-28T20:00:00.000Z',
    gitCommit: 'ddb0446d6b362605aabd80b56c56c685afc6c6c7-dirty',
    ...overrides,
  };
}
