/**
 * Why Keras trains the seed CNN faster on the same TensorFlow: one of its conv layers (conv2:
 * 32x14x14x64 -> 128 maps, 3x3, bias, ReLU), forward and both gradients, timed three ways in
 * alternating rounds: ours (tfjs-node, which runs TensorFlow op by op, eagerly), TensorFlow eager
 * in Python, and the same step as a tf.function graph (what Keras' fit runs). Prints each round and
 * the medians' ratios. Read with care: TensorFlow eager also computes the input's gradient
 * (oneDNN backward_data, ~3.9 ms here), which nobody asked for; tfjs and the graph skip it. With
 * ONEDNN_VERBOSE=1 the convolution kernels themselves take the same time on all three paths
 * (forward ~4.3 ms, backward_weights ~4.8 ms), so what separates ours from the graph is the work
 * around them: bias, ReLU and their gradients as separate full-size ops, and per-op overhead.
 * Usage: npx tsx bench/conv-eager-vs-graph.ts [steps per round] [rounds]
 */
import * as tf from '@tensorflow/tfjs-node';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { venvPython } from '../pipeline/native/python-tensorflow.js';
import { registerNativeReluGradient } from '../pipeline/train/native-relu-gradient.js';
import { runForJson } from './run-for-json.js';

const STEPS = Number(process.argv[2] ?? 100);
const ROUNDS = Number(process.argv[3] ?? 3);

registerNativeReluGradient();
const x = tf.randomNormal([32, 14, 14, 64]) as tf.Tensor4D;
const w = tf.variable(tf.randomNormal([3, 3, 64, 128])) as tf.Variable<tf.Rank.R4>;
const b = tf.variable(tf.zeros([128]));
const step = () => {
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.relu(tf.add(tf.conv2d(x, w, 1, 'same'), b))));
  tf.dispose([value, ...Object.values(grads)]);
};
const ours = () => {
  for (let i = 0; i < 10; i++) step();
  const t0 = performance.now();
  for (let i = 0; i < STEPS; i++) step();
  return (performance.now() - t0) / STEPS;
};

const python = venvPython();
const script = fileURLToPath(new URL('./keras_conv_layer.py', import.meta.url));
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
const rows: { ours: number; eager: number; graph: number }[] = [];
console.log(`conv-eager-vs-graph (conv2 of the seed CNN, forward + gradients, batch 32, ${ROUNDS} alternating rounds of ${STEPS} steps)`);
for (let round = 0; round < ROUNDS; round++) {
  const oursMs = ours();
  if (!existsSync(python)) {
    console.log(`  round ${round + 1}: ours ${oursMs.toFixed(2)} ms; no TensorFlow venv at ${python}`);
    continue;
  }
  const run = runForJson<{ eagerMs: number; graphMs: number }>(python, [script, '--steps', String(STEPS)]);
  if (typeof run === 'string') {
    console.log(`  round ${round + 1}: ours ${oursMs.toFixed(2)} ms; the Python run failed: ${run}`);
    continue;
  }
  const { eagerMs, graphMs } = run.json;
  rows.push({ ours: oursMs, eager: eagerMs, graph: graphMs });
  console.log(`  round ${round + 1}: ours (tfjs-node, eager) ${oursMs.toFixed(2)} ms, TensorFlow eager ${eagerMs.toFixed(2)} ms, tf.function graph ${graphMs.toFixed(2)} ms per step`);
}
if (rows.length > 0) {
  const [o, e, g] = [median(rows.map((r) => r.ours)), median(rows.map((r) => r.eager)), median(rows.map((r) => r.graph))];
  console.log(`  medians: ours ${o.toFixed(2)} ms, TF eager ${e.toFixed(2)} ms (includes the unneeded input gradient), TF graph ${g.toFixed(2)} ms; ours / TF graph ${(o / g).toFixed(2)}`);
}
