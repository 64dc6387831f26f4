import type { ModelMetadata } from '../../core/types.js';

/**
 * The models the report's "LeNet-5's output layer" section compares: the shipped LeNet-5 and every
 * comparison export of the same model (the RBF output, from `npm run pipeline -- --rbf`). Empty when
 * there is nothing to compare with. Pure.
 */
export function lenet5OutputComparison(shipped: readonly ModelMetadata[], comparisons: readonly ModelMetadata[]): ModelMetadata[] {
  const others = comparisons.filter((m) => m.id === 'lenet5');
  const lenet5 = shipped.find((m) => m.id === 'lenet5');
  return lenet5 && others.length > 0 ? [lenet5, ...others] : [];
}

/** The output layer and criterion a model was trained with, in words. */
export function outputLayerName(m: Pick<ModelMetadata, 'training'>): string {
  return m.training.loss === 'euclidean-rbf' ? 'RBF units, fixed 7x12 codes; Euclidean loss' : 'softmax; cross-entropy';
}

/**
 * How `other`'s training differs from `shipped`'s in what the comparison holds equal (epochs, batch
 * size, seed, optimizer, dataset), e.g. ["epochs 1 against 20"]. Empty when they match, which a
 * `--rbf` run guarantees; an older comparison export left beside a retrained model does not. Pure.
 */
export function settingsDifferences(shipped: Pick<ModelMetadata, 'training'>, other: Pick<ModelMetadata, 'training'>): string[] {
  const a = shipped.training;
  const b = other.training;
  const differences: string[] = [];
  for (const key of ['epochs', 'batchSize', 'seed'] as const) if (a[key] !== b[key]) differences.push(`${key === 'batchSize' ? 'batch size' : key} ${b[key]} against ${a[key]}`);
  if (JSON.stringify(a.optimizer) !== JSON.stringify(b.optimizer)) differences.push('another optimizer or schedule');
  if (JSON.stringify(a.datasetSha256) !== JSON.stringify(b.datasetSha256)) differences.push('other dataset files');
  return differences;
}
