import '@tensorflow/tfjs-node'; // file:// model loading; shares tfjs-core with core/
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFashionMnist } from '../../core/conversion/to-fashion-mnist.js';
import { loadFashionModel, type LoadedFashionModel } from '../../core/model-loader.js';
import { predictOptionsOf, predictProbabilities } from '../../core/predict.js';
import { topK, type TopKEntry } from '../../core/top-k.js';
import { decodePhoto } from '../../pipeline/eval/shop-photos.js';

/** What the same code gives in Node for one photo: the extension must agree with it. */
export interface ReferenceResult {
  input: Uint8Array;
  probabilities: Float32Array;
  top3: TopKEntry[];
}

/** Loads a packaged model folder's model with core's loader, under tfjs-node. */
export async function loadReferenceModel(modelsDir: string, id: string): Promise<LoadedFashionModel> {
  const dir = join(modelsDir, id);
  return loadFashionModel(`file://${join(dir, 'model.json')}`, JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')), join(dir, 'metadata.json'));
}

/** Predicts one 28x28 input in Node the way the model's metadata says it is run (mirror-averaged or not), as the extension does. */
export function predictInNode(model: LoadedFashionModel, input: Uint8Array): ReferenceResult {
  const [probabilities] = predictProbabilities(model.model, input, predictOptionsOf(model.metadata));
  return { input, probabilities: probabilities!, top3: topK(probabilities!, 3) };
}

/** Decodes the photo (PNG or JPEG, as the pipeline's evaluation does), converts it with core's conversion and predicts, all in Node. */
export function classifyInNode(model: LoadedFashionModel, photo: Buffer): ReferenceResult {
  return predictInNode(model, toFashionMnist(decodePhoto(photo)));
}
