import type { WeightArray } from './hdf5-file.js';
import { KerasFileError } from './keras-file-error.js';

/**
 * Throws a KerasFileError naming the first weight array that holds NaN or infinite values (and how
 * many), since such a model predicts NaN for every image. Pure.
 */
export function checkFiniteWeights(weights: Map<string, WeightArray[]>, where: string): void {
  for (const [layer, arrays] of weights) {
    for (const array of arrays) {
      let bad = 0;
      for (const v of array.values) if (!Number.isFinite(v)) bad++;
      if (bad > 0) {
        throw new KerasFileError(
          `${where}: layer '${layer}' has ${bad} NaN or infinite value${bad === 1 ? '' : 's'} in its weights (${array.path}), so it cannot predict anything. ` +
            'Training diverged or the file was damaged: retrain (a lower learning rate often helps) or save the model again.',
        );
      }
    }
  }
}
