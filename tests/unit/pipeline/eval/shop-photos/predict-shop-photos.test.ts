import * as tf from '@tensorflow/tfjs-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictProbabilities } from '../../../../../core/predict.js';
import { loadShopPhotos, predictShopPhotos, scoreShopPhotos, type ShopPhoto } from '../../../../../pipeline/eval/shop-photos.js';

/**
 * A small fixed model that is not mirror-symmetric: each class weighs the pixels by how far right
 * they are, with a different slope per class, so an image and its mirror get different answers.
 */
function lopsidedModel(): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
  const kernel = new Float32Array(784 * 10);
  for (let pixel = 0; pixel < 784; pixel++) {
    const x = (pixel % 28) / 27 - 0.5;
    const y = Math.floor(pixel / 28) / 27 - 0.5;
    for (let c = 0; c < 10; c++) kernel[pixel * 10 + c] = (x * (c - 4.5) + y * ((c * 7) % 10 - 4.5)) * 2e-4;
  }
  model.layers[1]!.setWeights([tf.tensor2d(kernel, [784, 10]), tf.zeros([10])]);
  return model;
}

function mirrored(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(784);
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) out[y * 28 + x] = input[y * 28 + 27 - x]!;
  return out;
}

let photos: ShopPhoto[];
let model: tf.LayersModel;

beforeAll(async () => {
  photos = await loadShopPhotos();
  model = lopsidedModel();
});

afterAll(() => model.dispose());

describe('predictShopPhotos', () => {
  it('scores the model\'s probabilities for each photo alone and averaged with its mirror', () => {
    const alone = photos.map((p) => predictProbabilities(model, p.input)[0]!);
    // The mirror average worked out here by hand: the mean of the photo's and its mirror's probabilities.
    const byHand = photos.map((p, i) => {
      const m = predictProbabilities(model, mirrored(p.input))[0]!;
      return alone[i]!.map((v, c) => (v + m[c]!) / 2);
    });
    for (const mirrorAverage of [false, true]) {
      const scores = predictShopPhotos(model, photos, { mirrorAverage });
      const expected = scoreShopPhotos(photos, alone, byHand, mirrorAverage);
      expect(scores.metrics, `mirrorAverage ${mirrorAverage}`).toEqual(expected.metrics);
      expect(scores.perPhoto.map((p) => p.top3.map((e) => e.index))).toEqual(expected.perPhoto.map((p) => p.top3.map((e) => e.index)));
      scores.perPhoto.forEach((p, i) => p.top3.forEach((e, k) => expect(e.probability).toBeCloseTo(expected.perPhoto[i]!.top3[k]!.probability, 5)));
    }
  });

  it('uses the given mode for each photo\'s top 3, which differs here between the two modes', () => {
    const aloneTop = predictShopPhotos(model, photos, { mirrorAverage: false }).perPhoto.map((p) => p.top3.map((e) => e.probability));
    const averagedTop = predictShopPhotos(model, photos, { mirrorAverage: true }).perPhoto.map((p) => p.top3.map((e) => e.probability));
    expect(averagedTop).not.toEqual(aloneTop);
  });

  it('leaves no tensors behind', () => {
    predictShopPhotos(model, photos, { mirrorAverage: true });
    const before = tf.memory().numTensors;
    predictShopPhotos(model, photos, { mirrorAverage: true });
    expect(tf.memory().numTensors).toBe(before);
  });
});
