// Run by model-loader-fresh-context.test.ts in a child process: imports ONLY core/ and the pure-JS
// '@tensorflow/tfjs' (no tfjs-node), as the extension does, and loads a saved model from disk.
// Test code may read files; core may not, so the files are handed to core as an IOHandler.
// Usage: tsx model-loader-fresh-context.script.ts <model dir> <raw images file> <output json file>
import * as tf from '@tensorflow/tfjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFashionModel } from '../../../core/model-loader.js';
import { predictProbabilities } from '../../../core/predict.js';
import { topK } from '../../../core/top-k.js';

const [dir, imagesFile, outFile] = process.argv.slice(2) as [string, string, string];
const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { modelTopology: object; weightsManifest: tf.io.WeightsManifestConfig };
const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
const shards = modelJson.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p))));
const weightData = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
shards.reduce((offset, s) => (weightData.set(s, offset), offset + s.length), 0);

await tf.setBackend('cpu');
const handler = tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData: weightData.buffer });
const metadataPath = join(dir, 'metadata.json');
const { model, metadata } = await loadFashionModel(handler, JSON.parse(readFileSync(metadataPath, 'utf8')), metadataPath);

const raw = readFileSync(imagesFile);
const images = Array.from({ length: raw.length / 784 }, (_, i) => new Uint8Array(raw.subarray(i * 784, (i + 1) * 784)));
const probabilities = predictProbabilities(model, images);
writeFileSync(
  outFile,
  JSON.stringify({
    backend: tf.getBackend(),
    nativeRegistered: tf.findBackendFactory('tensorflow') !== null,
    id: metadata.id,
    layerClasses: model.layers.map((l) => l.getClassName()),
    probabilities: probabilities.map((p) => Array.from(p)),
    top1: probabilities.map((p) => topK(p, 1)[0]!.label),
  }),
);
