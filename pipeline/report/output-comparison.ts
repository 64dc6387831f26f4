import type { ModelMetadata } from '../../core/types.js';
import { trainingOf } from './training-of.js';

/** An export as the output comparison needs it: its folder and metadata. */
export interface ComparedExport {
  /** Relative to the output root, e.g. 'comparisons/lenet5-rbf'. */
  folder: string;
  metadata: ModelMetadata;
}

/** The recipe that trained an export; a model converted from Keras has none and counts with the seed's (the notebook's own training). */
export const recipeOf = (m: Pick<ModelMetadata, 'training'>) => m.training?.recipe ?? 'seed';

const isRbf = (m: ComparedExport) => m.metadata.id === 'lenet5' && m.metadata.training?.loss === 'euclidean-rbf';

/**
 * The models the report's "LeNet-5's output layer" section compares: a softmax LeNet-5 trained
 * like the RBF one, then every RBF export (`npm run pipeline -- --rbf`, trained with the seed
 * recipe). The softmax one is the first export, comparisons before shipped, whose training matches
 * the RBF's (settingsDifferences empty), else the first of its recipe, else the shipped LeNet-5
 * (the page then warns). Empty when there is no RBF export or no softmax LeNet-5. Pure.
 */
export function lenet5OutputComparison(shipped: readonly ComparedExport[], comparisons: readonly ComparedExport[]): ComparedExport[] {
  const rbf = comparisons.filter(isRbf);
  if (rbf.length === 0) return [];
  const softmax = [...comparisons, ...shipped].filter((m) => m.metadata.id === 'lenet5' && !isRbf(m));
  const first = rbf[0]!.metadata;
  const baseline =
    softmax.find((m) => settingsDifferences(m.metadata, first).length === 0) ??
    softmax.find((m) => recipeOf(m.metadata) === recipeOf(first)) ??
    shipped.find((m) => m.metadata.id === 'lenet5');
  return baseline ? [baseline, ...rbf] : [];
}

/** The output layer and criterion a model was trained with, in words. */
export function outputLayerName(m: Pick<ModelMetadata, 'training'>): string {
  return m.training?.loss === 'euclidean-rbf' ? 'RBF units, fixed 7x12 codes; Euclidean loss' : 'softmax; cross-entropy';
}

/**
 * How `other`'s training differs from `baseline`'s in what the comparison holds equal (recipe,
 * epochs, batch size, seed, optimizer, dataset), e.g. ["epochs 1 against 20"]. Empty when they
 * match, which a `--rbf` run beside its softmax model guarantees; an older export left beside a
 * retrained model does not. Pure.
 */
export function settingsDifferences(baseline: Pick<ModelMetadata, 'id' | 'training'>, other: Pick<ModelMetadata, 'id' | 'training'>): string[] {
  const a = trainingOf(baseline);
  const b = trainingOf(other);
  const differences: string[] = [];
  if (recipeOf(baseline) !== recipeOf(other)) differences.push(`the ${recipeOf(other)} recipe against the ${recipeOf(baseline)} recipe`);
  for (const key of ['epochs', 'batchSize', 'seed'] as const) if (a[key] !== b[key]) differences.push(`${key === 'batchSize' ? 'batch size' : key} ${b[key]} against ${a[key]}`);
  if (JSON.stringify(a.optimizer) !== JSON.stringify(b.optimizer)) differences.push('another optimizer or schedule');
  if (JSON.stringify(a.datasetSha256) !== JSON.stringify(b.datasetSha256)) differences.push('other dataset files');
  return differences;
}
