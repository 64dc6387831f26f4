/**
 * Faithfulness and cost of each explanation method (issue 24), on the shipped models as they run
 * (mirror-averaged where metadata says so), on real data: the first N Fashion-MNIST test images
 * and the 36 real shop photos (pipeline/data/shop-photos, converted as the extension converts
 * them). Each map explains the model's top-1 class.
 *  - Deletion: the 10% most important pixels by the map set to the background (black), against
 *    10% of the pixels at random (the same seeded draw for every method): the mean drop of the
 *    explained class's probability for each, and their ratio.
 *  - Shuffled weights: the same model with its trainable weights shuffled; the mean rank
 *    correlation between the maps of the two models on the first 100 test images (near 1: the map
 *    ignores the model).
 *  - Cost: mean ms per map with tfjs-node (native TensorFlow, this machine's shared CPU).
 * Usage: npx tsx bench/explain.ts [--images 1000] [--models cnn,lenet5] [--methods a,b]
 */
import '@tensorflow/tfjs-node';
import { parseArgs } from 'node:util';
import type * as tf from '@tensorflow/tfjs';
import { explain } from '../core/explain/explain.js';
import { EXPLANATION_METHOD_NAMES, type ExplanationMethod } from '../core/explain/explanation-methods.js';
import { IMAGE_PIXELS } from '../core/model-contract.js';
import { predictOptionsOf, predictProbabilities, type PredictOptions } from '../core/predict.js';
import { topK } from '../core/top-k.js';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { DELETED_PIXELS, deletePixels, mostImportantPixels, randomPixels } from '../pipeline/eval/explanations/deletion.js';
import { rankCorrelation } from '../pipeline/eval/explanations/rank-correlation.js';
import { shuffleWeights } from '../pipeline/eval/explanations/shuffle-weights.js';
import { loadShopPhotos } from '../pipeline/eval/shop-photos.js';
import { findExportedModels } from '../pipeline/report/find-exported-models.js';
import { withExportedModel } from '../pipeline/report/with-exported-model.js';
import { mulberry32 } from '../pipeline/shared/seeded-random.js';

const { values } = parseArgs({ options: { images: { type: 'string', default: '1000' }, models: { type: 'string', default: 'cnn' }, methods: { type: 'string', default: EXPLANATION_METHOD_NAMES.join(',') } } });
const imageCount = Number(values.images);
const modelIds = values.models.split(',');
const methods = values.methods.split(',') as ExplanationMethod[];
const SHUFFLE_IMAGES = 100;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean drop of each image's explained-class probability when its pixels are replaced by `deleted`. */
function meanDrop(model: tf.LayersModel, options: PredictOptions, deleted: Uint8Array[], classes: number[], before: number[]): number {
  const after = predictProbabilities(model, deleted, options);
  return mean(after.map((p, i) => before[i]! - p[classes[i]!]!));
}

function measureSet(name: string, model: tf.LayersModel, options: PredictOptions, images: Uint8Array[], mapsKept: Map<ExplanationMethod, Float32Array[]>): number[] {
  const probabilities = predictProbabilities(model, images, options);
  const classes = probabilities.map((p) => topK(p, 1)[0]!.index);
  const before = probabilities.map((p, i) => p[classes[i]!]!);
  const random = mulberry32(24);
  const randomDrop = meanDrop(model, options, images.map((img) => deletePixels(img, randomPixels(random))), classes, before);
  console.log(`  ${name} (${images.length} images, mean top-1 probability ${mean(before).toFixed(3)}): random ${DELETED_PIXELS} pixels deleted: drop ${randomDrop.toFixed(4)}`);
  for (const method of methods) {
    const started = performance.now();
    const maps = images.map((img, i) => explain(model, img, { ...options, classIndex: classes[i]!, method }).map);
    const msPerMap = (performance.now() - started) / images.length;
    if (name === 'test images') mapsKept.set(method, maps.slice(0, SHUFFLE_IMAGES));
    const drop = meanDrop(model, options, images.map((img, i) => deletePixels(img, mostImportantPixels(maps[i]!))), classes, before);
    console.log(`    ${method.padEnd(22)} top ${DELETED_PIXELS} deleted: drop ${drop.toFixed(4)}  ratio to random ${(drop / randomDrop).toFixed(2)}x  cost ${msPerMap.toFixed(1)} ms/map`);
  }
  return classes;
}

const data = await loadFashionMnist();
const count = Math.min(imageCount, data.test.count);
const testImages = Array.from({ length: count }, (_, i) => data.test.images.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS));
const photos = (await loadShopPhotos()).map((p) => p.input);
const exports = findExportedModels('artifacts').filter((e) => modelIds.includes(e.metadata.id));

console.log(`explain: deletion faithfulness, shuffled-weights check and cost per method (real data; tfjs-node ${process.version})`);
for (const exported of exports) {
  const options = predictOptionsOf(exported.metadata);
  console.log(`\n${exported.metadata.id} (${options.mirrorAverage ? 'mirror-averaged' : 'image alone'}):`);
  const kept = new Map<ExplanationMethod, Float32Array[]>();
  const classes = await withExportedModel(exported, (model) => {
    const testClasses = measureSet('test images', model, options, testImages, kept);
    measureSet('real shop photos', model, options, photos, new Map());
    return testClasses;
  });
  await withExportedModel(exported, (model) => {
    shuffleWeights(model, mulberry32(42));
    const shuffleCount = Math.min(SHUFFLE_IMAGES, count);
    console.log(`  shuffled weights (first ${shuffleCount} test images, same class as the trained model explained): mean rank correlation with the trained model's maps`);
    for (const method of methods) {
      const trained = kept.get(method)!;
      const correlations = trained.map((map, i) => rankCorrelation(map, explain(model, testImages[i]!, { ...options, classIndex: classes[i]!, method }).map));
      console.log(`    ${method.padEnd(22)} ${mean(correlations.filter(Number.isFinite)).toFixed(3)}`);
    }
  });
}
