import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { averageWithMirror, predictOptionsOf, predictProbabilities, predictProbabilitiesAsync } from '../../../core/predict.js';
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

describe('mirror averaging', () => {
  const mirrored = (image: Uint8Array) => image.map((_, p) => image[Math.floor(p / 28) * 28 + 27 - (p % 28)]!);
  const alone = { mirrorAverage: false };
  const averaged = { mirrorAverage: true };

  it('is the mean of the probabilities for the image and for its mirror, in one call as in two', async () => {
    const both = predictProbabilities(model, images, averaged);
    const plain = predictProbabilities(model, images, alone);
    const flipped = predictProbabilities(model, images.map(mirrored), alone);
    both.forEach((p, i) => {
      const expected = averageWithMirror(plain[i]!, flipped[i]!);
      Array.from(p).forEach((v, c) => expect(v).toBeCloseTo(expected[c]!, 6));
      expect(Array.from(p)).not.toEqual(Array.from(plain[i]!));
    });
    const async = await predictProbabilitiesAsync(model, images, averaged);
    expect(async.map((p) => Array.from(p))).toEqual(both.map((p) => Array.from(p)));
  });

  it('gives the same answer for an image and its mirror', () => {
    const [a] = predictProbabilities(model, images[1]!, averaged);
    const [b] = predictProbabilities(model, mirrored(images[1]!), averaged);
    Array.from(a!).forEach((v, c) => expect(v).toBeCloseTo(b![c]!, 6));
  });

  it('follows the metadata: prediction.mirrorAverage', () => {
    expect(predictOptionsOf({ prediction: { mirrorAverage: false, why: 'test' } })).toEqual(alone);
    expect(predictOptionsOf({ prediction: { mirrorAverage: true, why: 'test' } })).toEqual(averaged);
    expect(() => averageWithMirror(new Float32Array(10), new Float32Array(20))).toThrow(/as many probabilities/);
  });

  it('leaves no tensors behind', () => {
    predictProbabilities(model, images, averaged);
    const before = tf.memory().numTensors;
    predictProbabilities(model, images, averaged);
    expect(tf.memory().numTensors).toBe(before);
  });
});
