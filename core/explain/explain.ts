import * as tf from '@tensorflow/tfjs';
import '../kernels/wasm-conv2d-backprop-filter.js';
import { installFastWasmConv2dBackpropInput } from '../kernels/wasm-conv2d-backprop-input.js';
import { IMAGE_PIXELS, IMAGE_SIZE, NUM_CLASSES } from '../model-contract.js';
import { predictProbabilities, predictProbabilitiesAsync, type FashionPixels, type PredictOptions } from '../predict.js';
import { topK } from '../top-k.js';
import { CHOSEN_EXPLANATION_METHOD, EXPLANATION_METHODS, type ExplanationMethod } from './explanation-methods.js';

/** Which class to explain, and with which method. */
export interface ExplainOptions extends PredictOptions {
  /** The class whose score is explained; default the model's top-1 for the image. */
  classIndex?: number;
  /** Default CHOSEN_EXPLANATION_METHOD. */
  method?: ExplanationMethod;
}

/** A 28x28 map for one image and one class. */
export interface Explanation {
  /** The class explained (0..9). */
  classIndex: number;
  /** 784 values, row-major: how much each pixel pushed that class's probability up (positive) or down (negative). */
  map: Float32Array;
}

function checked(pixels: FashionPixels, options: ExplainOptions): { x: () => tf.Tensor4D; method: ExplanationMethod } {
  if (pixels.length !== IMAGE_PIXELS) throw new Error(`An explanation needs one ${IMAGE_SIZE}x${IMAGE_SIZE} image (${IMAGE_PIXELS} grayscale pixels); this one has ${pixels.length}.`);
  const method = options.method ?? CHOSEN_EXPLANATION_METHOD;
  if (!(method in EXPLANATION_METHODS)) throw new Error(`Unknown explanation method "${method}"; the methods are ${Object.keys(EXPLANATION_METHODS).join(', ')}.`);
  const { classIndex } = options;
  if (classIndex !== undefined && !(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < NUM_CLASSES)) throw new Error(`The class to explain must be an integer from 0 to ${NUM_CLASSES - 1}, got ${classIndex}.`);
  installFastWasmConv2dBackpropInput();
  return { x: () => tf.tensor4d(Float32Array.from(pixels), [1, IMAGE_SIZE, IMAGE_SIZE, 1]), method };
}

const topClass = (model: tf.LayersModel, pixels: FashionPixels, options: PredictOptions) => topK(predictProbabilities(model, pixels, options)[0]!, 1)[0]!.index;

/**
 * The map of one 28x28 image (raw 0..255, light on black) for one class (default: the model's
 * top-1), computed with the model as it is run (options.mirrorAverage from predictOptionsOf its
 * metadata). Frees every tensor it makes. Synchronous (CPU, WASM, native); on WebGL prefer
 * explainAsync. Throws a sentence for a wrong-sized image, an unknown method or class.
 */
export function explain(model: tf.LayersModel, pixels: FashionPixels, options: ExplainOptions): Explanation {
  const { x, method } = checked(pixels, options);
  const classIndex = options.classIndex ?? topClass(model, pixels, options);
  const map = tf.tidy(() => EXPLANATION_METHODS[method](model, options, x(), classIndex).dataSync() as Float32Array);
  return { classIndex, map };
}

/** explain, reading the map back without blocking (for WebGL). */
export async function explainAsync(model: tf.LayersModel, pixels: FashionPixels, options: ExplainOptions): Promise<Explanation> {
  const { x, method } = checked(pixels, options);
  const classIndex = options.classIndex ?? topK((await predictProbabilitiesAsync(model, pixels, options))[0]!, 1)[0]!.index;
  const map = tf.tidy(() => EXPLANATION_METHODS[method](model, options, x(), classIndex));
  try {
    return { classIndex, map: (await map.data()) as Float32Array };
  } finally {
    map.dispose();
  }
}
