import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { TrainableSubsampling, trainableSubsampling } from '../../../../core/layers/index.js';
import { maxAbsDiff, saveAndLoad, wrap, wrapped } from './save-and-load.js';

describe('TrainableSubsampling', () => {
  it('averages 2x2 windows, then multiplies by a per-map coefficient and adds a per-map bias', () => {
    const model = wrap(trainableSubsampling(), [4, 4, 2]);
    wrapped(model).setWeights([tf.tensor1d([2, -1]), tf.tensor1d([0.5, 1])]);
    // Map 0 holds 0..15 row-major; map 1 holds 100 everywhere.
    const values: number[] = [];
    for (let p = 0; p < 16; p++) values.push(p, 100);
    const y = (model.predict(tf.tensor4d(values, [1, 4, 4, 2])) as tf.Tensor).arraySync() as number[][][][];
    // Window means of map 0: (0+1+4+5)/4 = 2.5, 4.5, 10.5, 12.5; times 2 plus 0.5.
    expect(y[0]!.map((row) => row.map((cell) => cell[0]))).toEqual([
      [5.5, 9.5],
      [21.5, 25.5],
    ]);
    // Map 1: 100 * -1 + 1.
    expect(y[0]!.flat().map((cell) => cell[1])).toEqual([-99, -99, -99, -99]);
  });

  it('has 2 parameters per map (S2: 12, S4: 32), starts as a plain average, and halves height and width', () => {
    const s2 = wrap(trainableSubsampling(), [28, 28, 6]);
    const s4 = wrap(trainableSubsampling(), [10, 10, 16]);
    expect(wrapped(s2).countParams()).toBe(12);
    expect(wrapped(s4).countParams()).toBe(32);
    expect(s2.outputs[0]!.shape).toEqual([null, 14, 14, 6]);
    expect(s4.outputs[0]!.shape).toEqual([null, 5, 5, 16]);
    const [coefficient, bias] = wrapped(s2).getWeights();
    expect(Array.from(coefficient!.dataSync())).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(bias!.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('survives save/load with its learned coefficients', async () => {
    const model = wrap(trainableSubsampling(), [6, 6, 3]);
    wrapped(model).setWeights([tf.tensor1d([0.3, -2, 4]), tf.tensor1d([1, 2, 3])]);
    const { loaded } = await saveAndLoad(model);
    expect(wrapped(loaded)).toBeInstanceOf(TrainableSubsampling);
    const x = tf.randomNormal([2, 6, 6, 3], 0, 1, 'float32', 5);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
  });
});
