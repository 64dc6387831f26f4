import * as tf from '@tensorflow/tfjs-node';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { NUM_CLASSES } from '../../../../core/model-contract.js';
import { convertKerasFile } from '../../../../pipeline/convert/convert-keras-file.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { computeStandardization, type Standardization } from '../../../../pipeline/data/standardization.js';
import { predictAll } from '../../../../pipeline/shared/predict-all.js';
import { fixtureBytes, fixturePath, GOOD_MODELS, kerasOutputs } from './keras-fixtures.js';

// Issue 23: a Keras model converted without Python predicts what Keras predicts. The small
// fixtures cover every supported layer, Sequential and functional, both file formats and the three
// input conventions; Keras' outputs were computed by the script that saved them.

let data: FashionMnist;
let standardization: Standardization;
beforeAll(async () => {
  data = await loadFashionMnist({});
  standardization = computeStandardization(data.train);
});

const argmax = (row: ArrayLike<number>) => Array.from(row).reduce((best, v, i, all) => (v > all[best]! ? i : best), 0);

describe('convertKerasFile', () => {
  for (const model of GOOD_MODELS) {
    for (const format of ['keras', 'h5'] as const) {
      it(`${model}.${format} gives Keras' outputs (same top-1, within 1e-5) on the first 100 test images`, async () => {
        const keras = kerasOutputs(model);
        const converted = await convertKerasFile(fixtureBytes(`${model}.${format}`), fixturePath(`${model}.${format}`), keras.input, () => standardization);
        try {
          expect(converted.source).toMatchObject({ format, file: `${model}.${format}`, kerasVersion: '2.15.0', input: keras.input });
          expect(converted.source.sha256).toMatch(/^[0-9a-f]{64}$/);
          const ours = predictAll(converted.model, data.test.images, keras.testImages);
          let worst = 0;
          keras.outputs.forEach((row, i) => {
            const mine = ours.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES);
            expect(argmax(mine), `top-1 of test image ${i}`).toBe(argmax(row));
            row.forEach((p, k) => (worst = Math.max(worst, Math.abs(p - mine[k]!))));
          });
          expect(worst).toBeLessThan(1e-5);
        } finally {
          converted.model.dispose();
        }
      });
    }
  }

  it('adds the softmax after a model that ends in logits (from_logits=True): the probabilities are what the softmax model gives', async () => {
    const entries = unzipSync(fixtureBytes('lenet5-unit.keras'));
    const config = JSON.parse(strFromU8(entries['config.json']!));
    config.config.layers.at(-1).config.activation = 'linear';
    const logits = zipSync({ ...entries, 'config.json': strToU8(JSON.stringify(config)) });
    const keras = kerasOutputs('lenet5-unit');
    const converted = await convertKerasFile(logits, 'logits.keras', 'unit', () => standardization);
    try {
      expect(converted.notes).toContain("Its output layer 'dense_2' gives logits, so a softmax was added after it.");
      const ours = predictAll(converted.model, data.test.images, keras.testImages);
      keras.outputs.forEach((row, i) => row.forEach((p, k) => expect(Math.abs(p - ours[i * NUM_CLASSES + k]!)).toBeLessThan(1e-5)));
    } finally {
      converted.model.dispose();
    }
  });

  it('bakes the input convention in: the same Keras file read as unit and as raw differs by exactly the x/255 layer', async () => {
    const unit = await convertKerasFile(fixtureBytes('lenet5-unit.h5'), 'lenet5-unit.h5', 'unit', () => standardization);
    const raw = await convertKerasFile(fixtureBytes('lenet5-unit.h5'), 'lenet5-unit.h5', 'raw', () => standardization);
    try {
      expect(unit.model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Standardize', ...raw.model.layers.slice(1).map((l) => l.getClassName())]);
      const pixels = tf.tensor4d(Float32Array.from(data.test.images.subarray(0, 784)), [1, 28, 28, 1]);
      const scaled = tf.div(pixels, 255);
      const viaUnit = unit.model.predict(pixels) as tf.Tensor;
      const viaRaw = raw.model.predict(scaled) as tf.Tensor;
      expect(Array.from(viaUnit.dataSync())).toEqual(Array.from(viaRaw.dataSync()));
      tf.dispose([pixels, scaled, viaUnit, viaRaw]);
    } finally {
      unit.model.dispose();
      raw.model.dispose();
    }
  });
});
