import type { LayersModel } from '@tensorflow/tfjs';
import { predictProbabilitiesAsync, type PredictOptions } from '../../../core/predict';
import { topK } from '../../../core/top-k';
import type { ClassifyResult, StageTimings } from '../types';
import { checkImageHeader } from './check-image';
import { decodeImage } from './decode-image';
import type { FetchedImage } from './fetch-image-bytes';
import { sniffImage } from './sniff-image';
import { toModelInput } from './to-model-input';

/** The per-image part of a result (the service adds model, backend, queue, init and fetch times). */
export type ImageClassification = Pick<ClassifyResult, 'top3' | 'probabilities' | 'input' | 'thumbnail' | 'imageWidth' | 'imageHeight'> & {
  timings: Pick<StageTimings, 'decodeMs' | 'convertMs' | 'predictMs'>;
};

/**
 * One downloaded image (fetchImageBytes: the limits, a slot of its own) through the rest of the
 * path, in the classifier's compute lane (classify-lanes.ts): check it is a photo, decode (on
 * the pixel limits), convert with core's Fashion-MNIST conversion (refusing a blank image), predict the way the model is
 * meant to be run (`options`: predictOptionsOf its metadata, e.g. averaged with the mirror image).
 * Timed per stage. Throws ClassifyErrors carrying the sentence the popup shows.
 */
export async function classifyImage({ bytes, contentType }: FetchedImage, model: LayersModel, options: PredictOptions): Promise<ImageClassification> {
  const t1 = performance.now();
  const sniffed = sniffImage(bytes);
  const decoded = await decodeImage(bytes, contentType, checkImageHeader(contentType, sniffed));
  const t2 = performance.now();
  const input = toModelInput(decoded.rgba);
  const t3 = performance.now();
  const [probs] = await predictProbabilitiesAsync(model, input, options);
  const t4 = performance.now();
  const probabilities = Array.from(probs!);
  return {
    top3: topK(probabilities, 3),
    probabilities,
    input: Array.from(input),
    thumbnail: decoded.thumbnail,
    imageWidth: decoded.width,
    imageHeight: decoded.height,
    timings: { decodeMs: t2 - t1, convertMs: t3 - t2, predictMs: t4 - t3 },
  };
}
