import { beforeAll, describe, expect, it } from 'vitest';
import { augmentBatch } from '../../../../pipeline/augment/augment-batch.js';
import { SHOP_AUGMENTATION, type AugmentationPolicy } from '../../../../pipeline/augment/augmentation-policy.js';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { mulberry32 } from '../../../../pipeline/shared/seeded-random.js';

const COUNT = 200;
let images: Float32Array;

beforeAll(async () => {
  const data = await loadFashionMnist({});
  images = Float32Array.from(data.train.images.subarray(0, COUNT * 784));
});

const augmented = (policy: AugmentationPolicy, seed: number) => {
  const xs = images.slice();
  augmentBatch(xs, COUNT, policy, mulberry32(seed));
  return xs;
};

/** The policy with every probability 0 except `key`'s, at `probability` (0.5: which images change depends on the seed too). */
function only(key: keyof AugmentationPolicy, probability = 0.5): AugmentationPolicy {
  const policy = { ...SHOP_AUGMENTATION };
  for (const k of Object.keys(policy) as (keyof AugmentationPolicy)[]) if (k.endsWith('Probability')) policy[k] = 0;
  policy[key] = probability;
  return policy;
}

const PROBABILITIES = (Object.keys(SHOP_AUGMENTATION) as (keyof AugmentationPolicy)[]).filter((k) => k.endsWith('Probability'));

describe('training augmentation (real Fashion-MNIST images)', () => {
  it.each([...PROBABILITIES, 'all' as const])('%s: the same seed gives the same images, another seed others; pixels stay in 0..255', (key) => {
    const policy = key === 'all' ? SHOP_AUGMENTATION : only(key);
    const a = augmented(policy, 1);
    expect(augmented(policy, 1)).toEqual(a);
    expect(augmented(policy, 2)).not.toEqual(a);
    expect(a).not.toEqual(images);
    let min = Infinity;
    let max = -Infinity;
    for (const v of a) {
      expect(Number.isFinite(v)).toBe(true);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(255);
  });

  it('with every probability 0 the images are unchanged', () => {
    const none = { ...SHOP_AUGMENTATION };
    for (const k of PROBABILITIES) none[k] = 0;
    expect(augmented(none, 3)).toEqual(images);
  });

  it('applies each change to about its share of the images', () => {
    const b = augmented(only('mirrorProbability', 0.5), 5);
    let changed = 0;
    for (let i = 0; i < COUNT; i++) {
      const same = b.subarray(i * 784, (i + 1) * 784).every((v, p) => v === images[i * 784 + p]);
      if (!same) changed++;
    }
    // 200 images at p = 0.5: 100 +- 3.5 sigma.
    expect(changed).toBeGreaterThan(75);
    expect(changed).toBeLessThan(125);
  });
});
