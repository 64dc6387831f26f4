import type { ModelId, Recipe } from '../../core/types.js';

/**
 * Each plan's epochs, in the one place the plans and the CLI's usage text both read (this module
 * imports nothing heavy, so `--help` stays fast). LeNet-5's seed epochs are the paper's 20 passes
 * (its learning-rate steps in training-plans.ts cover exactly these).
 */
export const PLAN_EPOCHS: Record<Recipe, Record<ModelId, number>> = {
  seed: { cnn: 10, lenet5: 20 },
  shop: { cnn: 15, lenet5: 30 },
};

/** "shop cnn 15, lenet5 30; seed cnn 10, lenet5 20" for the usage text. Pure. */
export function describePlanEpochs(): string {
  return (['shop', 'seed'] as const).map((recipe) => `${recipe} ${Object.entries(PLAN_EPOCHS[recipe]).map(([id, epochs]) => `${id} ${epochs}`).join(', ')}`).join('; ');
}
