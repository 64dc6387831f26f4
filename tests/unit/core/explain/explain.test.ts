import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { explain, explainAsync } from '../../../../core/explain/explain.js';
import { EXPLANATION_METHOD_NAMES } from '../../../../core/explain/explanation-methods.js';
import { predictProbabilities } from '../../../../core/predict.js';
import { topK } from '../../../../core/top-k.js';
import { buildLenet5 } from '../../../../pipeline/models/build-lenet5.js';
import { readFashionImages, standardizationOf } from '../model-loader-fixtures.js';

const images = readFashionImages('t10k-images-idx3-ubyte.gz', 3);
const model = buildLenet5({ standardization: standardizationOf(readFashionImages('train-images-idx3-ubyte.gz', 200)), seed: 3 });
const MIRRORED = { mirrorAverage: true };

const mirrorIndex = (i: number) => Math.floor(i / 28) * 28 + (27 - (i % 28));
const mirror = (map: ArrayLike<number>) => Float32Array.from({ length: 784 }, (_, i) => map[mirrorIndex(i)]!);
const mirrorImage = (pixels: Uint8Array) => Uint8Array.from({ length: 784 }, (_, i) => pixels[mirrorIndex(i)]!);

function score(pixels: Float32Array, classIndex: number, mirrorAverage: boolean): number {
  return tf.tidy(() => {
    const x = tf.tensor4d(pixels, [1, 28, 28, 1]);
    const p = (model.predict(x) as tf.Tensor).dataSync()[classIndex]!;
    return mirrorAverage ? (p + (model.predict(tf.reverse(x, 2)) as tf.Tensor).dataSync()[classIndex]!) / 2 : p;
  });
}

describe('explain', () => {
  it('gradient x input is the finite-difference gradient of the mirror-averaged probability times the pixel', () => {
    const image = images[0]!;
    const { classIndex, map } = explain(model, image, { ...MIRRORED, method: 'gradient-x-input' });
    const bright = Array.from(image.keys()).filter((i) => image[i]! > 100).slice(0, 40).filter((_, k) => k % 8 === 0);
    expect(bright.length).toBeGreaterThan(3);
    for (const i of bright) {
      const h = 0.5;
      const up = Float32Array.from(image);
      const down = Float32Array.from(image);
      up[i]! += h;
      down[i]! -= h;
      const numeric = ((score(up, classIndex, true) - score(down, classIndex, true)) / (2 * h)) * image[i]!;
      expect(map[i]!).toBeCloseTo(numeric, 3);
    }
  });

  it('explains the top-1 class by default, or the class asked for', () => {
    const top = topK(predictProbabilities(model, images[1]!, MIRRORED)[0]!, 2);
    expect(explain(model, images[1]!, MIRRORED).classIndex).toBe(top[0]!.index);
    const other = explain(model, images[1]!, { ...MIRRORED, classIndex: top[1]!.index });
    expect(other.classIndex).toBe(top[1]!.index);
    expect(Array.from(other.map)).not.toEqual(Array.from(explain(model, images[1]!, MIRRORED).map));
  });

  // SmoothGrad's seeded noise is not itself mirror-symmetric, so its maps agree only in expectation.
  it.each(EXPLANATION_METHOD_NAMES.filter((m) => m !== 'smoothgrad'))('%s explains the mirror average: the map of the mirrored image is the mirrored map (not so for the image alone)', (method) => {
    const image = images[2]!;
    const { classIndex, map } = explain(model, image, { ...MIRRORED, method });
    expect(map).toHaveLength(784);
    expect(map.every(Number.isFinite)).toBe(true);
    expect(map.some((v) => v !== 0)).toBe(true);
    const ofMirror = explain(model, mirrorImage(image), { ...MIRRORED, method, classIndex }).map;
    const scale = Math.max(...map.map(Math.abs));
    mirror(ofMirror).forEach((v, i) => expect(Math.abs(v - map[i]!)).toBeLessThan(scale * 1e-3));
    const alone = explain(model, image, { mirrorAverage: false, method, classIndex }).map;
    const aloneOfMirror = mirror(explain(model, mirrorImage(image), { mirrorAverage: false, method, classIndex }).map);
    expect(Math.max(...alone.map((v, i) => Math.abs(v - aloneOfMirror[i]!)))).toBeGreaterThan(scale * 1e-2);
  });

  it('async gives the same map, and neither leaves tensors behind', async () => {
    explain(model, images[0]!, MIRRORED); // warm-up
    const before = tf.memory().numTensors;
    for (const method of EXPLANATION_METHOD_NAMES) {
      const sync = explain(model, images[0]!, { ...MIRRORED, method });
      const async = await explainAsync(model, images[0]!, { ...MIRRORED, method });
      expect(async.classIndex).toBe(sync.classIndex);
      expect(Array.from(async.map)).toEqual(Array.from(sync.map));
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a wrong-sized image, an unknown method or class with a sentence', () => {
    expect(() => explain(model, new Uint8Array(100), MIRRORED)).toThrow('An explanation needs one 28x28 image (784 grayscale pixels); this one has 100.');
    expect(() => explain(model, images[0]!, { ...MIRRORED, method: 'lime' as never })).toThrow(/Unknown explanation method "lime"; the methods are gradient-x-input, smoothgrad/);
    expect(() => explain(model, images[0]!, { ...MIRRORED, classIndex: 10 })).toThrow('The class to explain must be an integer from 0 to 9, got 10.');
  });
});
