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
