import type { LayersModel } from '@tensorflow/tfjs';
import { predictProbabilitiesAsync, type PredictOptions } from '../../../core/predict';
import type { ClassifyResult, StageTimings } from '../types';
import { checkImageHeader } from './check-image';
import { decodeImage } from './decode-image';
import type { FetchedImage } from './fetch-image-bytes';
import { sniffImage } from './sniff-image';
import { toModelInput } from './to-model-input';

/** One downloaded image made ready for the model: its 28x28 input and what the popup shows of it. */
export type PreparedImage = Pick<ClassifyResult, 'thumbnail' | 'imageWidth' | 'imageHeight' | 'placement'> & {
  /** The 28x28 input (core's Fashion-MNIST conversion). */
  input: Uint8Array;
  timings: Pick<StageTimings, 'decodeMs' | 'convertMs'>;
};

/**
 * One downloaded image (fetchImageBytes: the limits, a slot of its own) made ready for the model,
 * in the classifier's compute lane (classify-lanes.ts): check it is a photo, decode (on the pixel
 * limits), convert with core's Fashion-MNIST conversion (refusing a blank image). Timed per stage.
 * Throws ClassifyErrors carrying the sentence the popup shows.
 */
export async function prepareImage({ bytes, contentType }: FetchedImage): Promise<PreparedImage> {
  const t1 = performance.now();
  const sniffed = sniffImage(bytes);
  const decoded = await decodeImage(bytes, contentType, checkImageHeader(contentType, sniffed));
  const t2 = performance.now();
  const { pixels: input, placement } = toModelInput(decoded.rgba);
  const t3 = performance.now();
  return { input, placement, thumbnail: decoded.thumbnail, imageWidth: decoded.width, imageHeight: decoded.height, timings: { decodeMs: t2 - t1, convertMs: t3 - t2 } };
}

/**
 * One `predict` over a batch of inputs, the way the model is meant to be run (`options`:
 * predictOptionsOf its metadata, e.g. averaged with the mirror image): each input's 10
 * probabilities, and the batch's time.
 */
export async function predictBatch(model: LayersModel, options: PredictOptions, inputs: readonly Uint8Array[]): Promise<{ probabilities: number[][]; predictMs: number }> {
  const started = performance.now();
  const probabilities = (await predictProbabilitiesAsync(model, inputs, options)).map((p) => Array.from(p));
  return { probabilities, predictMs: performance.now() - started };
}
