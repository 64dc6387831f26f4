import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS, IMAGE_SIZE, NUM_CLASSES } from './model-contract.js';
import type { ModelMetadata } from './types.js';

/** One 28x28 grayscale image, row-major, raw 0..255, light item on black (Fashion-MNIST polarity). */
export type FashionPixels = Uint8Array | Uint8ClampedArray;

/** How to run a model: averaging with the mirror image or not (metadata.prediction says which a model is meant for). */
export interface PredictOptions {
  /** Average the probabilities of each image and of its left-right mirror. */
  mirrorAverage: boolean;
}

/** The prediction mode an exported model is meant to be used with. */
export function predictOptionsOf(metadata: Pick<ModelMetadata, 'prediction'>): PredictOptions {
  return { mirrorAverage: metadata.prediction.mirrorAverage };
}

/**
 * The model's probabilities [n, 10] for x [n, 28, 28, 1] (raw pixels; the model standardizes them).
 * With mirrorAverage, the mean of the probabilities for x and for x mirrored left-right, in one
 * batch of 2n. The one place that knows how a Fashion Lens model is run: the extension, the
 * evaluation and the report all predict through it.
 */
export function predictTensor(model: tf.LayersModel, x: tf.Tensor4D, options: PredictOptions): tf.Tensor2D {
  return tf.tidy(() => {
    if (!options.mirrorAverage) return model.predict(x) as tf.Tensor2D;
    const n = x.shape[0];
    const both = model.predict(tf.concat([x, tf.reverse(x, 2)], 0)) as tf.Tensor2D;
    return tf.div(tf.add(both.slice([0, 0], [n, NUM_CLASSES]), both.slice([n, 0], [n, NUM_CLASSES])), 2) as tf.Tensor2D;
  });
}

/**
 * Mirror averaging on probabilities already computed: the mean of each image's probabilities and
 * its mirror's (both count*10, in the same order), as predictTensor computes it in one batch.
 * For evaluations that already have both (the robustness suite measures each mode).
 */
export function averageWithMirror(probabilities: Float32Array, mirroredProbabilities: Float32Array): Float32Array {
  if (probabilities.length !== mirroredProbabilities.length) throw new Error(`averageWithMirror needs as many probabilities for the mirrors (${mirroredProbabilities.length}) as for the images (${probabilities.length}).`);
  return probabilities.map((p, i) => (p + mirroredProbabilities[i]!) / 2);
}

/** Builds the [n, 28, 28, 1] float32 input; the model standardizes it itself. */
function inputTensor(images: readonly FashionPixels[]): tf.Tensor4D {
  const flat = new Float32Array(images.length * IMAGE_PIXELS);
  images.forEach((image, i) => {
    if (image.length !== IMAGE_PIXELS) throw new Error(`Image ${i} has ${image.length} pixels; the models take ${IMAGE_SIZE}x${IMAGE_SIZE} = ${IMAGE_PIXELS} grayscale pixels.`);
    flat.set(image, i * IMAGE_PIXELS);
  });
  return tf.tensor4d(flat, [images.length, IMAGE_SIZE, IMAGE_SIZE, 1]);
}

function split(data: Float32Array, count: number): Float32Array[] {
  if (data.length !== count * NUM_CLASSES) throw new Error(`The model returned ${data.length} values for ${count} images; a Fashion Lens model returns ${NUM_CLASSES} per image.`);
  return Array.from({ length: count }, (_, i) => data.slice(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
}

const asList = (pixels: FashionPixels | readonly FashionPixels[]): readonly FashionPixels[] => (ArrayBuffer.isView(pixels) ? [pixels as FashionPixels] : (pixels as readonly FashionPixels[]));

const IMAGE_ALONE: PredictOptions = { mirrorAverage: false };

/**
 * The 10 class probabilities for each image (one image, or a batch in one call). Every tensor it
 * makes is freed before it returns. Synchronous: fine on the CPU, WASM and native backends; on
 * WebGL prefer predictProbabilitiesAsync, which does not block on the GPU.
 */
export function predictProbabilities(model: tf.LayersModel, pixels: FashionPixels | readonly FashionPixels[], options: PredictOptions = IMAGE_ALONE): Float32Array[] {
  const images = asList(pixels);
  if (images.length === 0) return [];
  const data = tf.tidy(() => predictTensor(model, inputTensor(images), options).dataSync() as Float32Array);
  return split(data, images.length);
}

/** predictProbabilities, reading the result back without blocking (for WebGL). */
export async function predictProbabilitiesAsync(model: tf.LayersModel, pixels: FashionPixels | readonly FashionPixels[], options: PredictOptions = IMAGE_ALONE): Promise<Float32Array[]> {
  const images = asList(pixels);
  if (images.length === 0) return [];
  const probs = tf.tidy(() => predictTensor(model, inputTensor(images), options));
  try {
    return split((await probs.data()) as Float32Array, images.length);
  } finally {
    probs.dispose();
  }
}
