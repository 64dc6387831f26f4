import type { ModelMetadata } from '../../../core/types.js';
import { recipeOf } from '../output-comparison.js';

/** Dark for the shop recipe (what ships), light for the seed recipe, per architecture; the RBF LeNet-5 in its own colour. */
const FAMILY: Record<string, { shop: string; seed: string }> = {
  cnn: { shop: '#1f77b4', seed: '#9ecae1' },
  lenet5: { shop: '#d95f02', seed: '#fdae6b' },
  rbf: { shop: '#6a3d9a', seed: '#b39ddb' },
};
/** Used when two exports would get the same colour (e.g. an older seed-recipe export left in models/). */
const SPARE = ['#2ca02c', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/**
 * One colour per export, in the order given, so every chart draws an export in the same colour:
 * each architecture a hue, darker for the shop recipe than the seed's. Pure.
 */
export function seriesColours(models: readonly Pick<ModelMetadata, 'id' | 'training'>[]): string[] {
  const used = new Set<string>();
  let spare = 0;
  return models.map((m) => {
    const family = FAMILY[m.training?.loss === 'euclidean-rbf' ? 'rbf' : m.id] ?? FAMILY.rbf!;
    let colour = family[recipeOf(m)];
    while (used.has(colour)) colour = SPARE[spare++ % SPARE.length]!;
    used.add(colour);
    return colour;
  });
}
