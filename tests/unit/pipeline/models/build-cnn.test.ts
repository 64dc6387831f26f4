import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { Standardize } from '../../../../core/layers/index.js';
import { buildCnn } from '../../../../pipeline/models/build-cnn.js';
import { countModelParams, summarizeModel } from '../../../../pipeline/models/model-summary.js';
import { readFashionImages, readFashionLabels } from '../../core/model-loader-fixtures.js';
import { STANDARDIZATION, trainBriefly, weightValues } from './model-fixtures.js';

describe('buildCnn', () => {
  const model = buildCnn({ standardization: STANDARDIZATION, seed: 42 });

  it("is the seed's CNN layer for layer: shapes and parameter counts", () => {
    expect(summarizeModel(model).map((r) => [r.name, r.type, r.outputShape, r.trainableParams])).toEqual([
      ['standardize', 'Standardize', [null, 28, 28, 1], 0],
      ['conv1', 'Conv2D', [null, 28, 28, 64], 3_200],
      ['pool1', 'MaxPooling2D', [null, 14, 14, 64], 0],
      ['conv2', 'Conv2D', [null, 14, 14, 128], 73_856],
      ['conv3', 'Conv2D', [null, 14, 14, 128], 147_584],
      ['pool2', 'MaxPooling2D', [null, 7, 7, 128], 0],
      ['conv4', 'Conv2D', [null, 7, 7, 256], 295_168],
      ['conv5', 'Conv2D', [null, 7, 7, 256], 590_080],
      ['pool3', 'MaxPooling2D', [null, 3, 3, 256], 0],
      ['flatten', 'Flatten', [null, 2304], 0],
      ['dense1', 'Dense', [null, 128], 295_040],
      ['dropout1', 'Dropout', [null, 128], 0],
      ['dense2', 'Dense', [null, 64], 8_256],
      ['dropout2', 'Dropout', [null, 64], 0],
      ['output', 'Dense', [null, 10], 650],
    ]);
    expect(countModelParams(model)).toEqual({ total: 1_415_402, trainable: 1_413_834, nonTrainable: 1_568 });
  });

  it('uses relu and same padding in the convolutions, 2x2 max pooling, dropout 0.5 and a softmax output', () => {
    const config = (name: string) => model.getLayer(name).getConfig();
    for (const name of ['conv1', 'conv2', 'conv3', 'conv4', 'conv5']) expect([config(name).activation, config(name).padding]).toEqual(['relu', 'same']);
    expect(config('conv1').kernelSize).toEqual([7, 7]);
    expect(config('conv2').kernelSize).toEqual([3, 3]);
    expect(config('pool1').poolSize).toEqual([2, 2]);
    expect([config('dropout1').rate, config('dropout2').rate]).toEqual([0.5, 0.5]);
    expect([config('dense1').activation, config('dense2').activation, config('output').activation]).toEqual(['relu', 'relu', 'softmax']);
  });

  it('bakes the standardization in as its first layer and is not compiled', () => {
    expect(model.layers[0]).toBeInstanceOf(Standardize);
    expect(model.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
    expect(Array.from(model.layers[0]!.getWeights()[1]!.dataSync())).toEqual(Array.from(STANDARDIZATION.std));
    expect(model.optimizer).toBeUndefined();
  });

  it('starts from Keras defaults: glorot_uniform kernels, zero biases', () => {
    const w = weightValues(model);
    // conv1: fanIn 7*7*1, fanOut 7*7*64; limit sqrt(6 / (fanIn + fanOut)).
    const limit = Math.sqrt(6 / (49 + 49 * 64));
    const kernel = w['conv1/kernel']!;
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...kernel.map(Math.abs))).toBeGreaterThan(0.95 * limit);
    expect(Math.abs(kernel.reduce((a, b) => a + b, 0) / kernel.length)).toBeLessThan(0.1 * limit);
    for (const name of ['conv1/bias', 'conv5/bias', 'dense1/bias', 'output/bias']) expect(w[name]!.every((v) => v === 0)).toBe(true);
  });

  it('gives the same initial weights for the same seed and different ones for another seed', () => {
    const again = buildCnn({ standardization: STANDARDIZATION, seed: 42 });
    const other = buildCnn({ standardization: STANDARDIZATION, seed: 43 });
    expect(weightValues(again)).toEqual(weightValues(model));
    const a = weightValues(model);
    const b = weightValues(other);
    for (const name of ['conv1/kernel', 'conv3/kernel', 'dense2/kernel', 'output/kernel']) expect(b[name]).not.toEqual(a[name]);
    // Layers get distinct streams: no two kernels of equal shape start equal.
    expect(a['conv4/kernel']!.slice(0, 50)).not.toEqual(a['conv5/kernel']!.slice(0, 50));
    again.dispose();
    other.dispose();
  });

  it('learns on real images: the loss falls and every trainable weight moves', () => {
    const fresh = buildCnn({ standardization: STANDARDIZATION, seed: 1 });
    const images = readFashionImages('train-images-idx3-ubyte.gz', 32);
    const x = tf.tensor4d(Float32Array.from(images.flatMap((i) => Array.from(i))), [32, 28, 28, 1]);
    const y = tf.tensor1d(readFashionLabels('train-labels-idx1-ubyte.gz', 32), 'int32');
    const { before, after, untouched } = trainBriefly(fresh, x, y, 20);
    expect(after).toBeLessThan(before * 0.8);
    expect(untouched).toEqual([]);
    tf.dispose([x, y]);
    fresh.dispose();
  });
});
