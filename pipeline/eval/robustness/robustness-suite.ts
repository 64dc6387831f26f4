import type * as tf from '@tensorflow/tfjs-node';
import { averageWithMirror } from '../../../core/predict.js';
import type { RobustnessResult } from '../../../core/types.js';
import type { ImageSet } from '../../data/image-set.js';
import { predictAll } from '../../shared/predict-all.js';
import { sha256Hex } from '../../shared/sha256-hex.js';
import { scorePredictions } from '../../shared/score-predictions.js';
import { applySuiteChange } from './apply-suite-change.js';
import { SUITE_CHANGES } from './suite-changes.js';

/** The suite's own mirror change: the second pass of mirror averaging. */
const MIRROR = SUITE_CHANGES.find((c) => c.id === 'mirror')!;

/** The changed copies of a set's images, one per suite change (model-independent: made once, used for every model). */
export interface SuiteImages {
  set: ImageSet;
  changed: { id: string; description: string; images: Uint8Array }[];
}

/** Applies every suite change to `set` (about 1 s per change for the 10,000 test images). */
export function makeSuiteImages(set: ImageSet): SuiteImages {
  return { set, changed: SUITE_CHANGES.map((c) => ({ id: c.id, description: c.description, images: applySuiteChange(c, set.images, set.count) })) };
}

/**
 * Top-1 accuracy of `model` on each changed copy, predicting each image alone and mirror-averaged
 * (two passes per change: the images and their mirrors, averaged by core's averageWithMirror).
 * Identical image sets are predicted once: the mirror change's images are the unchanged images'
 * mirrors and the other way round, so 2 of the 16 passes repeat another (same model, same pixels,
 * same probabilities).
 */
export function runSuite(model: tf.LayersModel, suite: SuiteImages): RobustnessResult[] {
  const { count, labels } = suite.set;
  const predicted = new Map<string, Float32Array>();
  const predict = (images: Uint8Array) => {
    const key = sha256Hex(images);
    let probabilities = predicted.get(key);
    if (!probabilities) predicted.set(key, (probabilities = predictAll(model, images, count)));
    return probabilities;
  };
  return suite.changed.map(({ id, description, images }) => {
    const alone = predict(images);
    const mirrored = predict(applySuiteChange(MIRROR, images, count));
    return {
      change: id,
      description,
      accuracy: scorePredictions(alone, labels).accuracy,
      mirrorAveragedAccuracy: scorePredictions(averageWithMirror(alone, mirrored), labels).accuracy,
    };
  });
}

/** Mean accuracy over a suite's results, alone and mirror-averaged. */
export function suiteMeans(results: readonly RobustnessResult[]): { alone: number; mirrorAveraged: number } {
  const mean = (f: (r: RobustnessResult) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
  return { alone: mean((r) => r.accuracy), mirrorAveraged: mean((r) => r.mirrorAveragedAccuracy) };
}
