import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../../../../core/types.js';
import { SHOP_AUGMENTATION } from '../../../../pipeline/augment/augmentation-policy.js';
import { computeStandardization } from '../../../../pipeline/data/standardization.js';
import { countModelParams } from '../../../../pipeline/models/model-summary.js';
import { USAGE } from '../../../../pipeline/cli/pipeline-args.js';
import { PLAN_EPOCHS } from '../../../../pipeline/train/plan-epochs.js';
import { cosineRate, LENET5_LEARNING_RATES, LENET5_RBF_PLAN, RECIPE_PLANS, SEED_PLANS, SHOP_PLANS } from '../../../../pipeline/train/training-plans.js';

const standardization = computeStandardization({ images: Uint8Array.from({ length: 784 * 4 }, (_, i) => (i * 37) % 256), labels: new Uint8Array(4), count: 4 });

describe('training plans', () => {
  it('the shop recipe ships (models/<id>), the seed recipe is a comparison (comparisons/<id>-seed), and every name is unique', () => {
    for (const id of MODEL_IDS) {
      expect(SHOP_PLANS[id]).toMatchObject({ id, name: id, recipe: 'shop', shipped: true, augmentation: SHOP_AUGMENTATION });
      expect(SEED_PLANS[id]).toMatchObject({ id, name: `${id}-seed`, recipe: 'seed', shipped: false });
      expect(SEED_PLANS[id].augmentation).toBeUndefined();
    }
    const names = [...Object.values(RECIPE_PLANS).flatMap((plans) => Object.values(plans)), LENET5_RBF_PLAN].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the seed recipe is the notebook\'s and the paper\'s: CNN 10 epochs at a constant rate, LeNet-5 the paper\'s 20 passes', () => {
    expect(SEED_PLANS.cnn).toMatchObject({ epochs: 10, batchSize: 32 });
    expect(SEED_PLANS.cnn.learningRateAt).toBeUndefined();
    expect(SEED_PLANS.lenet5.epochs).toBe(20);
    expect(LENET5_LEARNING_RATES).toHaveLength(SEED_PLANS.lenet5.epochs); // the paper's steps cover every pass
  });

  it("the usage text states the plans' epochs as the plans have them", () => {
    for (const recipe of ['shop', 'seed'] as const) {
      for (const id of MODEL_IDS) expect(RECIPE_PLANS[recipe][id].epochs).toBe(PLAN_EPOCHS[recipe][id]);
    }
    expect(USAGE).toContain('(default: the recipe\'s plan: shop cnn 15, lenet5 30; seed cnn 10, lenet5 20)');
  });

  it('the shop recipe keeps each architecture and its parameter count (the CNN stays the seed\'s 1,413,834)', () => {
    for (const id of MODEL_IDS) {
      const shop = SHOP_PLANS[id].build(standardization, 1);
      const seed = SEED_PLANS[id].build(standardization, 1);
      expect(countModelParams(shop).trainable).toBe(countModelParams(seed).trainable);
      expect(shop.layers.map((l) => l.getClassName())).toEqual(seed.layers.map((l) => l.getClassName()));
      shop.dispose();
      seed.dispose();
    }
    const cnn = SHOP_PLANS.cnn.build(standardization, 1);
    expect(countModelParams(cnn).trainable).toBe(1_413_834);
    cnn.dispose();
  });

  it('cosineRate decays from the peak towards 0 over the epochs', () => {
    const rate = cosineRate(1e-3, 15);
    expect(rate(0)).toBeCloseTo(1e-3, 12);
    expect(rate(7.5)).toBeCloseTo(5e-4, 12);
    expect(rate(14)).toBeGreaterThan(0);
    expect(rate(14)).toBeLessThan(2e-5);
    for (let e = 1; e < 15; e++) expect(rate(e)).toBeLessThan(rate(e - 1));
    expect(SHOP_PLANS.cnn.learningRateAt?.(0)).toBeCloseTo(1e-3, 12);
  });
});
