import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { rbfClassCodes } from '../../../../core/layers/index.js';
import { buildLenet5 } from '../../../../pipeline/models/build-lenet5.js';
import { batchLoss } from '../../../../pipeline/train/batch-loss.js';
import { Nadam } from '../../../../pipeline/train/nadam.js';
import { sparseCategoricalCrossentropy } from '../../../../pipeline/train/sparse-categorical-crossentropy.js';
import { trainStep } from '../../../../pipeline/train/train-step.js';

const STANDARDIZATION = { mean: new Float32Array(784).fill(70), std: new Float32Array(784).fill(90) };
const x = tf.randomUniform([6, 28, 28, 1], 0, 255, 'float32', 3) as tf.Tensor4D;
const labels = tf.tensor1d([0, 3, 5, 8, 9, 1], 'int32');

describe('batchLoss', () => {
  it('cross-entropy: the softmax model\'s probabilities and Keras\' sparse categorical cross-entropy of them', () => {
    const model = buildLenet5({ standardization: STANDARDIZATION, seed: 1 });
    const { loss, probs } = batchLoss('cross-entropy', model)(x, labels);
    expect(probs.shape).toEqual([6, 10]);
    expect(loss.dataSync()[0]).toBeCloseTo(sparseCategoricalCrossentropy(labels, model.predict(x) as tf.Tensor2D).dataSync()[0]!, 5);
    model.dispose();
  });

  it("euclidean-rbf: the mean squared distance of F6's output to the correct class's 7x12 code (LeCun 1998, eq. 8)", () => {
    const model = buildLenet5({ standardization: STANDARDIZATION, seed: 1, output: 'rbf' });
    const { loss, probs } = batchLoss('euclidean-rbf', model)(x, labels);
    const f6 = tf.model({ inputs: model.inputs, outputs: model.getLayer('f6_tanh').output as tf.SymbolicTensor }).predict(x) as tf.Tensor2D;
    const features = f6.arraySync();
    const codes = rbfClassCodes();
    const label = labels.arraySync();
    const expected = features.reduce((sum, row, i) => sum + row.reduce((s, v, j) => s + (v - codes[label[i]! * 84 + j]!) ** 2, 0), 0) / features.length;
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 3);
    // The probabilities are the model's own output: softmax(-distance).
    const predicted = (model.predict(x) as tf.Tensor2D).dataSync();
    probs.dataSync().forEach((p, i) => expect(p).toBeCloseTo(predicted[i]!, 5));
    model.dispose();
  });

  it('euclidean-rbf training moves the weights below the output and never the fixed codes', () => {
    const model = buildLenet5({ standardization: STANDARDIZATION, seed: 1, output: 'rbf' });
    const codes = () => model.getLayer('output').getWeights()[0]!.dataSync().slice();
    const before = codes();
    const f6Before = model.getLayer('f6').getWeights()[0]!.dataSync().slice();
    const lossOf = batchLoss('euclidean-rbf', model);
    const optimizer = new Nadam(1e-3);
    const first = trainStep(lossOf, optimizer, x, labels).loss;
    for (let i = 0; i < 20; i++) trainStep(lossOf, optimizer, x, labels);
    expect(trainStep(lossOf, optimizer, x, labels).loss).toBeLessThan(first);
    expect(codes()).toEqual(before);
    expect(model.getLayer('f6').getWeights()[0]!.dataSync()).not.toEqual(f6Before);
    optimizer.dispose();
    model.dispose();
  });

  it('refuses euclidean-rbf on a model without the RBF output, naming its last layer', () => {
    const model = buildLenet5({ standardization: STANDARDIZATION, seed: 1 });
    expect(() => batchLoss('euclidean-rbf', model)).toThrow(/needs a model whose last layer is RbfOutput; lenet5's is Dense/);
    model.dispose();
  });
});
