import type { ClassifyResult, StageTimings } from '../types';
import { checkImageHeader } from './check-image';
import { decodeImage } from './decode-image';
import type { FetchedImage } from './fetch-image-bytes';
import { sniffImage } from './sniff-image';
import { toModelInput } from './to-model-input';

/** One downloaded image made ready for the model: its 28x28 input and what the popup shows of it. */
export type PreparedPixels = Pick<ClassifyResult, 'imageWidth' | 'imageHeight' | 'placement'> & {
  /** The 28x28 input (core's Fashion-MNIST conversion). */
  input: Uint8Array;
  /** The image at most THUMBNAIL_EDGE on its longest edge, when asked for. */
  thumbnail?: ImageBitmap;
  timings: Pick<StageTimings, 'decodeMs' | 'convertMs'>;
};

/**
 * One downloaded image (fetchImageBytes: the limits, a slot of its own) made ready for the model:
 * check it is a photo, decode (on the pixel limits), convert with core's Fashion-MNIST conversion
 * (refusing a blank image). Timed per stage. Throws ClassifyErrors carrying the sentence the popup
 * shows. DOM-free: the prepare worker runs it (prepare-worker.ts).
 */
export async function prepareImage({ bytes, contentType }: FetchedImage, withThumbnail: boolean): Promise<PreparedPixels> {
  const t1 = performance.now();
  const sniffed = sniffImage(bytes);
  const decoded = await decodeImage(bytes, contentType, checkImageHeader(contentType, sniffed), withThumbnail);
  const t2 = performance.now();
  let converted: ReturnType<typeof toModelInput>;
  try {
    converted = toModelInput(decoded.rgba);
  } catch (error) {
    decoded.thumbnail?.close();
    throw error;
  }
  const t3 = performance.now();
  return { input: converted.pixels, placement: converted.placement, imageWidth: decoded.width, imageHeight: decoded.height, ...(decoded.thumbnail ? { thumbnail: decoded.thumbnail } : {}), timings: { decodeMs: t2 - t1, convertMs: t3 - t2 } };
}
