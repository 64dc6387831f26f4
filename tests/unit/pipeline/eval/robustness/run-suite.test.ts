import { describe, expect, it } from 'vitest';
import { averageWithMirror } from '../../../../../core/predict.js';
import { loadFashionMnist } from '../../../../../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../../../../../pipeline/data/standardization.js';
import { takeFirst } from '../../../../../pipeline/data/take-first.js';
import { applySuiteChange } from '../../../../../pipeline/eval/robustness/apply-suite-change.js';
import { makeSuiteImages, runSuite } from '../../../../../pipeline/eval/robustness/robustness-suite.js';
import { SUITE_CHANGES } from '../../../../../pipeline/eval/robustness/suite-changes.js';
import { predictAll } from '../../../../../pipeline/shared/predict-all.js';
import { scorePredictions } from '../../../../../pipeline/shared/score-predictions.js';
import { SHOP_PLANS } from '../../../../../pipeline/train/training-plans.js';

describe('runSuite', () => {
  it('predicts the images that repeat (the mirror change and the unchanged mirrors) once, with the same figures as predicting every pass', async () => {
    const data = await loadFashionMnist({});
    const set = takeFirst(data.test, 300);
    const model = SHOP_PLANS.lenet5.build(computeStandardization(data.train), 3);
    const results = runSuite(model, makeSuiteImages(set));
    const mirror = SUITE_CHANGES.find((c) => c.id === 'mirror')!;
    SUITE_CHANGES.forEach((change, i) => {
      const images = applySuiteChange(change, set.images, set.count);
      const alone = predictAll(model, images, set.count);
      const mirrored = predictAll(model, applySuiteChange(mirror, images, set.count), set.count);
      expect(results[i]).toMatchObject({
        change: change.id,
        accuracy: scorePredictions(alone, set.labels).accuracy,
        mirrorAveragedAccuracy: scorePredictions(averageWithMirror(alone, mirrored), set.labels).accuracy,
      });
    });
    model.dispose();
  });
});
