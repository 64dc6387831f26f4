import type { LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf } from '../../../core/predict';
import { toFailure } from '../classify-error';
import { INIT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../time-limits';
import type { ClassifyRequest, ClassifyResponse } from '../messages';
import type { BackendInfo, BackendPreference } from '../types';
import { planBackends } from './backend-plan';
import { classifyImage } from './classify-image';
import { classifierErrors } from './classifier-errors';
import { imageErrors } from './image-errors';
import { initBackend } from './init-backend';
import { buildModelRegistry } from './model-registry';
import { readWebglRenderer } from './read-webgl-renderer';
import { buildSerialQueue } from '../serial-queue';
import { withTimeout } from '../with-timeout';

/** The offscreen document's classifier: one backend, models loaded once, one request at a time. */
export interface ClassifierService {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
}

/**
 * Builds the service. tfjs starts on the first request (with that request's backend setting)
 * and stays up; a request with a different setting switches backend and reloads the models.
 * Each request's fetch-to-prediction work has REQUEST_TIMEOUT_MS; start-up has its own limit.
 * Every request is answered by its deadline: one that waited in the queue past it is refused then
 * and skipped when its turn comes, so one slow image cannot hold up the clicks behind it for long.
 */
export function buildClassifierService(loadModel: (id: string) => Promise<LoadedFashionModel>): ClassifierService {
  const queue = buildSerialQueue();
  const models = buildModelRegistry(loadModel);
  let preference: BackendPreference | null = null;
  let backend: Promise<BackendInfo> | null = null;

  async function ready(request: ClassifyRequest): Promise<{ backend: BackendInfo; model: LoadedFashionModel }> {
    if (preference !== request.backend || !backend) {
      await models.dispose();
      preference = request.backend;
      const renderer = readWebglRenderer();
      backend = initBackend(planBackends(request.backend, renderer), renderer);
      backend.catch(() => {
        backend = null;
      });
    }
    const info = await backend;
    return { backend: info, model: await models.get(request.modelId) };
  }

  return {
    classify(request) {
      const queuedAt = performance.now();
      const tooLate = (): ClassifyResponse => ({ ok: false, error: toFailure(classifierErrors.deadlinePassed()) });
      const work = queue.run(async (): Promise<ClassifyResponse> => {
        const startedAt = performance.now();
        // Past its deadline while it waited behind slower images: it was answered already; skip it.
        if (Date.now() >= request.deadline) return tooLate();
        try {
          let loaded: { backend: BackendInfo; model: LoadedFashionModel };
          try {
            loaded = await withTimeout(() => ready(request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
          } catch (error) {
            throw classifierErrors.modelFailed((error as Error)?.message ?? String(error));
          }
          const initMs = performance.now() - startedAt;
          const { model, metadata } = loaded.model;
          // The image gets REQUEST_TIMEOUT_MS, or what is left before the deadline if that is less.
          const left = request.deadline - Date.now();
          const image = await withTimeout(
            (signal) => classifyImage(request.imageUrl, model, predictOptionsOf(metadata), signal),
            Math.max(0, Math.min(REQUEST_TIMEOUT_MS, left)),
            left < REQUEST_TIMEOUT_MS ? classifierErrors.deadlinePassed : imageErrors.timeout,
          );
          return {
            ok: true,
            result: {
              ...image,
              modelId: request.modelId,
              modelName: metadata.displayName,
              backend: loaded.backend,
              timings: { ...image.timings, queueMs: startedAt - queuedAt, initMs },
            },
          };
        } catch (error) {
          return { ok: false, error: toFailure(error) };
        }
      });
      // Answer at the deadline even while the request still waits in the queue.
      return withTimeout(() => work, Math.max(0, request.deadline - Date.now()), () => new Error('deadline')).catch(tooLate);
    },
  };
}
