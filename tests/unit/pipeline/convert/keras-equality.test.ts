import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NUM_CLASSES } from '../../../../core/model-contract.js';
import { convertKerasFile } from '../../../../pipeline/convert/convert-keras-file.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { sha256Hex } from '../../../../pipeline/shared/sha256-hex.js';
import { computeStandardization } from '../../../../pipeline/data/standardization.js';
import { predictAll } from '../../../../pipeline/shared/predict-all.js';
import { KERAS_FIXTURES } from './keras-fixtures.js';

// Issue 23, "done when": the seed notebook's CNN, trained by Keras itself (10 epochs,
// bench/keras_train_seed_cnn.py), converted from either file format, predicts what Keras predicted
// on all 10,000 test images: the same top-1 everywhere, probabilities within 1e-5 (float32).
// Keras' outputs are in the committed keras-test-outputs.bin, written by the same script run.

const DIR = join(KERAS_FIXTURES, 'seed-cnn');
const made = JSON.parse(readFileSync(join(DIR, 'keras-test-outputs.json'), 'utf8')) as { sha256: Record<string, string>; testAccuracy: number };
const keras = new Float32Array(new Uint8Array(readFileSync(join(DIR, 'keras-test-outputs.bin'))).buffer);

let data: FashionMnist;
beforeAll(async () => {
  data = await loadFashionMnist({});
});

const argmax = (row: ArrayLike<number>) => Array.from(row).reduce((best, v, i, all) => (v > all[best]! ? i : best), 0);

describe("the seed CNN converted from Keras' own files", () => {
  for (const file of ['seed-cnn.keras', 'seed-cnn.h5']) {
    it(`${file}: the same top-1 as Keras on all 10,000 test images, probabilities within 1e-5`, async () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, file)));
      expect(sha256Hex(bytes), 'the file the outputs were made with').toBe(made.sha256[file]);
      const converted = await convertKerasFile(bytes, file, 'seed', () => computeStandardization(data.train));
      try {
        const ours = predictAll(converted.model, data.test.images, data.test.count);
        expect(keras.length).toBe(data.test.count * NUM_CLASSES);
        let worst = 0;
        const differentTop1: number[] = [];
        let correct = 0;
        for (let i = 0; i < data.test.count; i++) {
          const theirs = keras.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES);
          const mine = ours.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES);
          if (argmax(mine) !== argmax(theirs)) differentTop1.push(i);
          if (argmax(mine) === data.test.labels[i]) correct++;
          for (let k = 0; k < NUM_CLASSES; k++) worst = Math.max(worst, Math.abs(mine[k]! - theirs[k]!));
        }
        expect(differentTop1).toEqual([]);
        expect(worst).toBeLessThan(1e-5);
        expect(correct / data.test.count).toBeCloseTo(made.testAccuracy, 6);
      } finally {
        converted.model.dispose();
      }
    }, 300_000);
  }
});
