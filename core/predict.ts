import * as tf from '@tensorflow/tfjs';
import { IMAGE_PIXELS, IMAGE_SIZE, NUM_CLASSES } from './class-names.js';

/** One 28x28 grayscale image, row-major, raw 0..255, light item on black (Fashion-MNIST polarity). */
export type FashionPixels = Uint8Array | Uint8ClampedArray;

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

/**
 * The 10 class probabilities for each image (one image, or a batch in one call). Every tensor it
 * makes is freed before it returns. Synchronous: fine on the CPU, WASM and native backends; on
 * WebGL prefer predictProbabilitiesAsync, which does not block on the GPU.
 */
export function predictProbabilities(model: tf.LayersModel, pixels: FashionPixels | readonly FashionPixels[]): Float32Array[] {
  const images = asList(pixels);
  if (images.length === 0) return [];
  const data = tf.tidy(() => (model.predict(inputTensor(images)) as tf.Tensor).dataSync() as Float32Array);
  return split(data, images.length);
}

/** predictProbabilities, reading the result back without blocking (for WebGL). */
export async function predictProbabilitiesAsync(model: tf.LayersModel, pixels: FashionPixels | readonly FashionPixels[]): Promise<Float32Array[]> {
  const images = asList(pixels);
  if (images.length === 0) return [];
  const probs = tf.tidy(() => model.predict(inputTensor(images)) as tf.Tensor);
  try {
    return split((await probs.data()) as Float32Array, images.length);
  } finally {
    probs.dispose();
  }
}
