import { ClassifyError, fail } from '../failures';
import type { ClassifyResult } from '../types';
import type { FetchedImage } from './fetch-image-bytes';
import type { PreparedPixels } from './prepare-image';
import type { PrepareAnswer, PrepareAsk } from './prepare-protocol';
import { thumbnailUrl } from './thumbnail-url';

/** A prepared image as the classifier keeps it: the thumbnail, when asked for, already a data: URL. */
export type PreparedImage = Omit<PreparedPixels, 'thumbnail'> & Pick<ClassifyResult, 'thumbnail'>;

/** Decodes and converts one downloaded image (and makes its thumbnail when asked); rejects with the image's ClassifyError. */
export type ImagePreparer = (fetched: FetchedImage, withThumbnail: boolean) => Promise<PreparedImage>;

/**
 * The classifier's preparer: images are decoded and converted in the prepare worker
 * (prepare-worker.ts), their bytes transferred, not copied; only the thumbnail's JPEG encoding
 * happens here (thumbnail-url.ts says why). The worker starts at once (the offscreen document
 * exists because an image is on its way), so that its start overlaps tfjs's. A worker that crashes
 * fails the images it held with its sentence, and the next image starts a new one.
 */
export function buildWorkerPreparer(): ImagePreparer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (prepared: PreparedPixels) => void; reject: (error: Error) => void }>();

  function start(): Worker {
    const started = new Worker(new URL('./prepare-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = ({ data }: MessageEvent<PrepareAnswer>) => {
      const waiter = pending.get(data.id);
      if (!waiter) return;
      pending.delete(data.id);
      if (data.ok) waiter.resolve(data.prepared);
      else waiter.reject(data.expected ? new ClassifyError(data.failure.code, data.failure.message) : new Error(data.failure.message));
    };
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      if (worker === started) worker = null;
      const error = fail('decoder-stopped', event.message || 'no reason given');
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    return started;
  }

  worker = start();
  return async (fetched, withThumbnail) => {
    worker ??= start();
    const id = nextId++;
    const prepared = await new Promise<PreparedPixels>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const ask: PrepareAsk = { id, fetched, withThumbnail };
      worker!.postMessage(ask, [fetched.bytes.buffer as ArrayBuffer]);
    });
    const { thumbnail, ...rest } = prepared;
    return { ...rest, ...(thumbnail ? { thumbnail: thumbnailUrl(thumbnail) } : {}) };
  };
}
