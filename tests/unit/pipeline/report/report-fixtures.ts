import type { ModelMetadata } from '../../../../core/types.js';

/** A plausible 10x10 confusion matrix: 900 right per class, 100 mistaken for the mirror class. */
export const CONFUSION = Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 900 : t + p === 9 ? 100 : 0)));

/** A 3-epoch history with distinct values per field, so a mixed-up field shows. */
export const HISTORY: ModelMetadata['training']['history'] = [
  { epoch: 1, loss: 0.6, accuracy: 0.78, valLoss: 0.45, valAccuracy: 0.84, seconds: 40 },
  { epoch: 2, loss: 0.4, accuracy: 0.86, valLoss: 0.38, valAccuracy: 0.87, seconds: 39 },
  { epoch: 3, loss: 0.33, accuracy: 0.88, valLoss: 0.35, valAccuracy: 0.885, seconds: 41 },
];

/** The parts of metadata the comparison charts read. */
export function chartMetadata(displayName: string, overrides: Partial<Pick<ModelMetadata, 'weights'>> = {}): Pick<ModelMetadata, 'displayName' | 'training' | 'weights'> {
  return {
    displayName,
    training: { epochs: 3, batchSize: 32, optimizer: { name: 'Nadam' }, seed: 42, backend: 'tensorflow', tensorflowVersion: '2.15.1', seconds: 120, samplesPerSecond: 1375, history: HISTORY, datasetSha256: {} },
    weights: overrides.weights ?? { dtype: 'float32' },
  };
}
