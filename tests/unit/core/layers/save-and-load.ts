import * as tf from '@tensorflow/tfjs-node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Saves `model` in the layers format with tfjs-node's file:// handler, loads it back, and returns the copy and its model.json text. */
export async function saveAndLoad(model: tf.LayersModel): Promise<{ loaded: tf.LayersModel; modelJson: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-layer-'));
  try {
    await model.save(`file://${dir}`);
    const modelJson = readFileSync(join(dir, 'model.json'), 'utf8');
    const loaded = await tf.loadLayersModel(`file://${join(dir, 'model.json')}`);
    return { loaded, modelJson };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-layer (after the input) sequential model around `layer`, for shape and round-trip tests. */
export function wrap(layer: tf.layers.Layer, inputShape: number[]): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  model.add(layer);
  return model;
}

/** Largest absolute difference between two tensors. */
export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

/** The wrapped layer of a model made by `wrap` (layer 0 is the input layer). */
export function wrapped(model: tf.LayersModel): tf.layers.Layer {
  return model.layers[model.layers.length - 1]!;
}
