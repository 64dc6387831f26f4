import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { PartialConv2D, RbfOutput, ScaledTanh, Standardize } from '../../../../core/layers/index.js';
import { buildLenet5 } from '../../../../pipeline/models/build-lenet5.js';
import { countModelParams, summarizeModel } from '../../../../pipeline/models/model-summary.js';
import { readFashionImages, readFashionLabels } from '../../core/model-loader-fixtures.js';
import { STANDARDIZATION, trainBriefly, weightValues } from './model-fixtures.js';

const LAYERS = [
  ['standardize', 'Standardize', [null, 28, 28, 1], 0],
  ['pad', 'ZeroPadding2D', [null, 32, 32, 1], 0],
  ['c1', 'Conv2D', [null, 28, 28, 6], 156],
  ['c1_tanh', 'ScaledTanh', [null, 28, 28, 6], 0],
  ['s2', 'TrainableSubsampling', [null, 14, 14, 6], 12],
  ['s2_tanh', 'ScaledTanh', [null, 14, 14, 6], 0],
  ['c3', 'PartialConv2D', [null, 10, 10, 16], 1_516],
  ['c3_tanh', 'ScaledTanh', [null, 10, 10, 16], 0],
  ['s4', 'TrainableSubsampling', [null, 5, 5, 16], 32],
  ['s4_tanh', 'ScaledTanh', [null, 5, 5, 16], 0],
  ['c5', 'Conv2D', [null, 1, 1, 120], 48_120],
  ['c5_tanh', 'ScaledTanh', [null, 1, 1, 120], 0],
  ['flatten', 'Flatten', [null, 120], 0],
  ['f6', 'Dense', [null, 84], 10_164],
  ['f6_tanh', 'ScaledTanh', [null, 84], 0],
];

describe('buildLenet5', () => {
  const model = buildLenet5({ standardization: STANDARDIZATION, seed: 42 });

  it('is LeNet-5 layer for layer: shapes and parameter counts (C3 1,516; 60,850 in all)', () => {
    expect(summarizeModel(model).map((r) => [r.name, r.type, r.outputShape, r.trainableParams])).toEqual([...LAYERS, ['output', 'Dense', [null, 10], 850]]);
    expect(countModelParams(model)).toEqual({ total: 62_418, trainable: 60_850, nonTrainable: 1_568 });
    expect(model.layers[0]).toBeInstanceOf(Standardize);
    expect(model.getLayer('c3')).toBeInstanceOf(PartialConv2D);
    expect(model.getLayer('output').getConfig().activation).toBe('softmax');
    expect(['c1', 'c5', 'f6'].map((n) => model.getLayer(n).getConfig().activation)).toEqual(['linear', 'linear', 'linear']);
    expect(model.layers.filter((l) => l instanceof ScaledTanh)).toHaveLength(6);
    expect(model.optimizer).toBeUndefined();
  });

  it("offers the paper's RBF output: fixed codes, no trainable output parameters (60,000 in all)", () => {
    const rbf = buildLenet5({ standardization: STANDARDIZATION, seed: 42, output: 'rbf' });
    expect(summarizeModel(rbf).map((r) => [r.name, r.type, r.outputShape, r.trainableParams])).toEqual([...LAYERS, ['output', 'RbfOutput', [null, 10], 0]]);
    expect(rbf.getLayer('output')).toBeInstanceOf(RbfOutput);
    expect(countModelParams(rbf).trainable).toBe(60_000);
    const p = (rbf.predict(tf.randomUniform([2, 28, 28, 1], 0, 255, 'float32', 1)) as tf.Tensor).sum(1).dataSync();
    expect(p[0]).toBeCloseTo(1, 5);
    rbf.dispose();
  });

  it('starts from LeCun-uniform weights (+-sqrt(3/fanIn)) and zero biases', () => {
    const w = weightValues(model);
    for (const [name, fanIn] of [['c1/kernel', 25], ['c5/kernel', 400], ['f6/kernel', 120], ['output/kernel', 84]] as const) {
      const limit = Math.sqrt(3 / fanIn);
      const maxAbs = Math.max(...w[name]!.map(Math.abs));
      expect(maxAbs, name).toBeLessThanOrEqual(limit);
      expect(maxAbs, name).toBeGreaterThan(0.8 * limit);
    }
    for (const name of ['c1/bias', 'c3/bias', 'c5/bias', 'f6/bias', 's2/bias', 's4/bias']) expect(w[name]!.every((v) => v === 0), name).toBe(true);
    expect(w['s2/coefficient']).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('gives the same initial weights for the same seed and different ones for another seed', () => {
    const again = buildLenet5({ standardization: STANDARDIZATION, seed: 42 });
    const other = buildLenet5({ standardization: STANDARDIZATION, seed: 7 });
    expect(weightValues(again)).toEqual(weightValues(model));
    const a = weightValues(model);
    const b = weightValues(other);
    for (const name of ['c1/kernel', 'c3/kernel', 'c5/kernel', 'f6/kernel', 'output/kernel']) expect(b[name], name).not.toEqual(a[name]);
    again.dispose();
    other.dispose();
  });

  it('learns on real images: the loss falls and every trainable weight, S2/S4 coefficients and C3 included, moves', () => {
    const fresh = buildLenet5({ standardization: STANDARDIZATION, seed: 1 });
    const images = readFashionImages('train-images-idx3-ubyte.gz', 64);
    const x = tf.tensor4d(Float32Array.from(images.flatMap((i) => Array.from(i))), [64, 28, 28, 1]);
    const y = tf.tensor1d(readFashionLabels('train-labels-idx1-ubyte.gz', 64), 'int32');
    const { before, after, untouched } = trainBriefly(fresh, x, y, 20);
    expect(after).toBeLessThan(before * 0.8);
    expect(untouched).toEqual([]);
    tf.dispose([x, y]);
    fresh.dispose();
  });
});
