import * as tf from '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { LENET_C3_CONNECTIONS, PartialConv2D, partialConv2d, partialKernelIndex } from '../../../../core/layers/index.js';
import { maxAbsDiff, saveAndLoad, wrap, wrapped } from './save-and-load.js';

const connected = (map: number) => new Set(LENET_C3_CONNECTIONS[map]);

describe('LENET_C3_CONNECTIONS', () => {
  it("is the paper's Table I: 6 maps of 3, 6 of 4 contiguous, 3 of 4 discontiguous, 1 of all 6", () => {
    expect(LENET_C3_CONNECTIONS.map((c) => c.length)).toEqual([3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6]);
    expect(LENET_C3_CONNECTIONS.slice(12)).toEqual([
      [0, 1, 3, 4],
      [1, 2, 4, 5],
      [0, 2, 3, 5],
      [0, 1, 2, 3, 4, 5],
    ]);
    // Every S2 map feeds exactly 10 of the 16 C3 maps (the table's columns).
    for (let s2 = 0; s2 < 6; s2++) expect(LENET_C3_CONNECTIONS.filter((c) => c.includes(s2))).toHaveLength(10);
  });
});

describe('PartialConv2D (LeNet-5 C3)', () => {
  it('has exactly 1,516 trainable parameters: 60 kernels of 5x5 plus 16 biases', () => {
    const model = wrap(partialConv2d({ seed: 1 }), [14, 14, 6]);
    const layer = wrapped(model);
    expect(layer.trainableWeights.map((w) => w.shape)).toEqual([[1500], [16]]);
    expect(layer.countParams()).toBe(1516);
    expect(layer.nonTrainableWeights).toHaveLength(0);
    expect(model.outputs[0]!.shape).toEqual([null, 10, 10, 16]);
    expect(layer.computeOutputShape([null, 14, 14, 6])).toEqual([null, 10, 10, 16]);
  });

  it('maps every connected kernel cell to its own stored weight and every other cell to the zero slot', () => {
    const { index, connectedCount } = partialKernelIndex(LENET_C3_CONNECTIONS, 6, 5);
    expect(connectedCount).toBe(1500);
    expect(index).toHaveLength(5 * 5 * 6 * 16);
    const used = Array.from(index).filter((i) => i !== connectedCount);
    expect(used).toHaveLength(1500);
    expect(new Set(used).size).toBe(1500);
    // Cell (kh=2, kw=3), input 4, output 6: map 6 sees [0,1,2,3], so input 4 is not connected.
    expect(index[((2 * 5 + 3) * 6 + 4) * 16 + 6]).toBe(1500);
    // Cell (kh=0, kw=1), input 2, output 1: map 1's second connection (block 3*1 + 1 = 4).
    expect(index[((0 * 5 + 1) * 6 + 2) * 16 + 1]).toBe(4 * 25 + 1);
  });

  it('computes, per map, the sum of valid 5x5 convolutions of the S2 maps it is connected to, plus its bias', () => {
    const layer = partialConv2d({ seed: 7 });
    const x = tf.randomNormal([2, 14, 14, 6], 0, 1, 'float32', 11);
    const y = layer.apply(x) as tf.Tensor4D;
    const bias = tf.randomNormal([16], 0, 1, 'float32', 12);
    layer.setWeights([layer.getWeights()[0]!, bias]);
    const yWithBias = layer.apply(x) as tf.Tensor4D;
    const stored = layer.getWeights()[0]!.dataSync();
    let block = 0;
    LENET_C3_CONNECTIONS.forEach((inputs, map) => {
      // Reference: gather the connected inputs and convolve with this map's stored blocks.
      const kernel = new Float32Array(25 * inputs.length);
      inputs.forEach((_, j) => {
        for (let cell = 0; cell < 25; cell++) kernel[cell * inputs.length + j] = stored[(block + j) * 25 + cell]!;
      });
      block += inputs.length;
      const expected = tf.tidy(() => tf.add(tf.conv2d(tf.gather(x, inputs as number[], 3) as tf.Tensor4D, tf.tensor4d(kernel, [5, 5, inputs.length, 1]), 1, 'valid'), bias.slice([map], [1])));
      const actual = yWithBias.slice([0, 0, 0, map], [2, 10, 10, 1]);
      expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-4);
    });
    expect(y.shape).toEqual([2, 10, 10, 16]);
  });

  it('passes exactly zero gradient from a C3 map to the S2 maps it is not connected to, and non-zero to the others', () => {
    const layer = partialConv2d({ seed: 3 });
    const x = tf.randomNormal([1, 14, 14, 6], 0, 1, 'float32', 4);
    for (const map of [0, 6, 12, 15]) {
      const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.slice(layer.apply(input) as tf.Tensor4D, [0, 0, 0, map], [1, 10, 10, 1])))(x);
      const perInput = tf.sum(tf.abs(grad), [0, 1, 2]).dataSync();
      for (let s2 = 0; s2 < 6; s2++) {
        if (connected(map).has(s2)) expect(perInput[s2], `map ${map} <- S2 map ${s2}`).toBeGreaterThan(0);
        else expect(perInput[s2], `map ${map} <- S2 map ${s2}`).toBe(0);
      }
    }
  });

  it('gives gradients to the 1,500 real weights only (the full kernel is zero off the table)', () => {
    const layer = partialConv2d({ seed: 5 }) as PartialConv2D;
    const x = tf.randomNormal([2, 14, 14, 6], 0, 1, 'float32', 6);
    layer.apply(x);
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x) as tf.Tensor)), layer.trainableWeights.map((w) => w.read() as tf.Variable));
    const kernelGrad = Object.values(grads)[0]!;
    expect(kernelGrad.shape).toEqual([1500]);
    expect(tf.sum(tf.abs(kernelGrad)).dataSync()[0]).toBeGreaterThan(0);
    const full = layer.fullKernel().arraySync();
    for (let map = 0; map < 16; map++) {
      for (let s2 = 0; s2 < 6; s2++) {
        const cells = full.flatMap((row) => row.map((cell) => cell[s2]![map]!));
        if (connected(map).has(s2)) expect(cells.some((v) => v !== 0)).toBe(true);
        else expect(cells.every((v) => v === 0)).toBe(true);
      }
    }
  });

  it('starts from LeCun-uniform weights (+-sqrt(3/fanIn) per map), reproducibly from its seed', () => {
    const weights = (seed: number) => wrapped(wrap(partialConv2d({ seed }), [14, 14, 6])).getWeights()[0]!.dataSync();
    const a = weights(9);
    expect(Array.from(weights(9))).toEqual(Array.from(a));
    expect(Array.from(weights(10))).not.toEqual(Array.from(a));
    const map0 = a.slice(0, 75); // map 0: 3 inputs, fanIn 75
    const map15 = a.slice(1500 - 150); // map 15: 6 inputs, fanIn 150
    expect(Math.max(...map0.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3 / 75));
    expect(Math.max(...map0.map(Math.abs))).toBeGreaterThan(Math.sqrt(3 / 150));
    expect(Math.max(...map15.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3 / 150));
  });

  it('survives save/load (connection table in model.json, weights in the shards)', async () => {
    const model = wrap(partialConv2d({ seed: 2 }), [14, 14, 6]);
    const { loaded, modelJson } = await saveAndLoad(model);
    expect(wrapped(loaded)).toBeInstanceOf(PartialConv2D);
    expect(JSON.parse(modelJson).modelTopology.config.layers.at(-1).config.connections).toEqual(LENET_C3_CONNECTIONS);
    const x = tf.randomNormal([2, 14, 14, 6], 0, 1, 'float32', 8);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBe(0);
  });

  it('refuses a connection to an input map that does not exist', () => {
    expect(() => wrap(partialConv2d({ connections: [[0, 6]] }), [14, 14, 6])).toThrow(/connections\[0\] = \[0, 6\] must list distinct input maps 0\.\.5/);
  });
});
