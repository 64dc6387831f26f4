import type { LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf } from '../../../core/predict';
import type { ModelId } from '../../../core/types';
import { toFailure } from '../classify-error';
import { INIT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../image-limits';
import type { ClassifyRequest, ClassifyResponse } from '../messages';
import type { BackendInfo, BackendPreference } from '../types';
import { planBackends } from './backend-plan';
import { classifyImage } from './classify-image';
import { imageErrors } from './image-errors';
import { initBackend } from './init-backend';
import { buildModelRegistry } from './model-registry';
import { readWebglRenderer } from './read-webgl-renderer';
import { buildSerialQueue, withTimeout } from './serial-queue';

/** The offscreen document's classifier: one backend, models loaded once, one request at a time. */
export interface ClassifierService {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
}

/**
 * Builds the service. tfjs starts on the first request (with that request's backend setting)
 * and stays up; a request with a different setting switches backend and reloads the models.
 * Each request's fetch-to-prediction work has REQUEST_TIMEOUT_MS; start-up has its own limit.
 */
export function buildClassifierService(loadModel: (id: ModelId) => Promise<LoadedFashionModel>): ClassifierService {
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
      return queue.run(async (): Promise<ClassifyResponse> => {
        const startedAt = performance.now();
        try {
          let loaded: { backend: BackendInfo; model: LoadedFashionModel };
          try {
            loaded = await withTimeout(() => ready(request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
          } catch (error) {
            throw imageErrors.modelFailed((error as Error)?.message ?? String(error));
          }
          const initMs = performance.now() - startedAt;
          const { model, metadata } = loaded.model;
          const image = await withTimeout((signal) => classifyImage(request.imageUrl, model, predictOptionsOf(metadata), signal), REQUEST_TIMEOUT_MS, imageErrors.timeout);
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
    },
  };
}
