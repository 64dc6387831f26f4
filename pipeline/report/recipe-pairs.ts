import { MODEL_IDS, type ModelId, type ModelMetadata } from '../../core/types.js';

/** One architecture's two exports: what models/<id> ships and the seed recipe's comparisons/<id>-seed. */
export interface RecipePair<T> {
  id: ModelId;
  /** The shipped export, models/<id> (trained with the shop recipe; an older export may say otherwise). */
  shipped: T;
  /** The seed recipe's export, comparisons/<id>-seed. */
  seed: T;
}

/** Every architecture with both a shipped export and a seed-recipe comparison, in MODEL_IDS order. Pure. */
export function recipePairs<T extends { folder: string; metadata: Pick<ModelMetadata, 'id'> }>(shipped: readonly T[], comparisons: readonly T[]): RecipePair<T>[] {
  return MODEL_IDS.flatMap((id) => {
    const model = shipped.find((m) => m.metadata.id === id && m.folder === `models/${id}`);
    const seed = comparisons.find((m) => m.metadata.id === id && m.folder === `comparisons/${id}-seed`);
    return model && seed ? [{ id, shipped: model, seed }] : [];
  });
}
