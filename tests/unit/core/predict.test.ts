import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { predictProbabilities, predictProbabilitiesAsync } from '../../../core/predict.js';
import { buildLenet5 } from '../../../pipeline/models/build-lenet5.js';
import { readFashionImages, standardizationOf } from './model-loader-fixtures.js';

const images = readFashionImages('t10k-images-idx3-ubyte.gz', 5);
const model = buildLenet5({ standardization: standardizationOf(readFashionImages('train-images-idx3-ubyte.gz', 200)), seed: 3 });

describe('predictProbabilities', () => {
  it('returns 10 probabilities per image, the same one by one as in a batch, matching model.predict on raw pixels', () => {
    const batch = predictProbabilities(model, images);
    expect(batch).toHaveLength(5);
    batch.forEach((p, i) => {
      expect(p).toHaveLength(10);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const single = predictProbabilities(model, images[i]!);
      expect(single).toHaveLength(1);
      Array.from(single[0]!).forEach((v, c) => expect(v).toBeCloseTo(p[c]!, 6));
    });
    const direct = tf.tidy(() => (model.predict(tf.tensor4d(Float32Array.from(images[0]!), [1, 28, 28, 1])) as tf.Tensor).dataSync());
    expect(Array.from(batch[0]!)).toEqual(Array.from(direct));
    expect(predictProbabilities(model, [])).toEqual([]);
  });

  it('leaves no tensors behind, sync or async', async () => {
    predictProbabilities(model, images); // warm-up
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) predictProbabilities(model, images);
    for (let i = 0; i < 5; i++) await predictProbabilitiesAsync(model, images[i]!);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('async gives the same probabilities', async () => {
    const sync = predictProbabilities(model, images);
    const async = await predictProbabilitiesAsync(model, images);
    expect(async.map((p) => Array.from(p))).toEqual(sync.map((p) => Array.from(p)));
  });

  it('refuses an image that is not 28x28 and frees what it made', () => {
    const before = tf.memory().numTensors;
    expect(() => predictProbabilities(model, [images[0]!, new Uint8Array(100)])).toThrow('Image 1 has 100 pixels; the models take 28x28 = 784 grayscale pixels.');
    expect(tf.memory().numTensors).toBe(before);
  });
});
