import type { LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf } from '../../../core/predict';
import type { ModelId } from '../../../core/types';
import { toFailure } from '../classify-error';
import { INIT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../time-limits';
import type { ClassifyRequest, ClassifyResponse } from '../messages';
import type { BackendInfo, BackendPreference } from '../types';
import { planBackends } from './backend-plan';
import { classifyImage } from './classify-image';
import { buildClassifyLanes } from './classify-lanes';
import { classifierErrors } from './classifier-errors';
import { fetchImageBytes } from './fetch-image-bytes';
import { imageErrors } from './image-errors';
import { initBackend } from './init-backend';
import { buildModelRegistry } from './model-registry';
import { readWebglRenderer } from './read-webgl-renderer';
import { withTimeout } from '../with-timeout';

/** The offscreen document's classifier: one backend, models loaded once, downloads side by side, one prediction at a time. */
export interface ClassifierService {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
}

/**
 * Builds the service. tfjs starts on the first request (with that request's backend setting)
 * and stays up; a request with a different setting switches backend and reloads the models.
 * Requests go through the lanes (classify-lanes.ts): downloads side by side, then decoding and
 * prediction one at a time. The download has REQUEST_TIMEOUT_MS, decoding to prediction has as
 * much again, start-up has its own limit, and all of it must fit before the request's deadline:
 * every request is answered by its deadline, and a stage that could only start after it is
 * never started.
 */
export function buildClassifierService(loadModel: (id: ModelId) => Promise<LoadedFashionModel>): ClassifierService {
  const lanes = buildClassifyLanes();
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

  /** Runs a stage with REQUEST_TIMEOUT_MS, or what is left before the deadline if that is less. */
  function timed<T>(request: ClassifyRequest, stage: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const left = request.deadline - Date.now();
    return withTimeout(stage, Math.max(0, Math.min(REQUEST_TIMEOUT_MS, left)), left < REQUEST_TIMEOUT_MS ? classifierErrors.deadlinePassed : imageErrors.timeout);
  }

  return {
    classify(request) {
      const queuedAt = performance.now();
      const tooLate = (): ClassifyResponse => ({ ok: false, error: toFailure(classifierErrors.deadlinePassed()) });
      let fetchMs = 0;
      const work = lanes
        .run({
          deadline: request.deadline,
          fetch: async () => {
            const fetchStartedAt = performance.now();
            const fetched = await timed(request, (signal) => fetchImageBytes(request.imageUrl, signal));
            fetchMs = performance.now() - fetchStartedAt;
            return fetched;
          },
          compute: async (fetched): Promise<ClassifyResponse> => {
            const startedAt = performance.now();
            let loaded: { backend: BackendInfo; model: LoadedFashionModel };
            try {
              loaded = await withTimeout(() => ready(request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
            } catch (error) {
              throw classifierErrors.modelFailed((error as Error)?.message ?? String(error));
            }
            const initMs = performance.now() - startedAt;
            const { model, metadata } = loaded.model;
            const image = await timed(request, () => classifyImage(fetched, model, predictOptionsOf(metadata)));
            const { decodeMs, convertMs, predictMs } = image.timings;
            return {
              ok: true,
              result: {
                ...image,
                modelId: request.modelId,
                modelName: metadata.displayName,
                backend: loaded.backend,
                // queueMs: the wait for a slot plus the wait for the lane.
                timings: { queueMs: startedAt - queuedAt - fetchMs, initMs, fetchMs, decodeMs, convertMs, predictMs, totalMs: fetchMs + decodeMs + convertMs + predictMs },
              },
            };
          },
        })
        .catch((error: unknown): ClassifyResponse => ({ ok: false, error: toFailure(error) }));
      // Answer at the deadline even while the request still waits for a slot or the lane.
      return withTimeout(() => work, Math.max(0, request.deadline - Date.now()), () => new Error('deadline')).catch(tooLate);
    },
  };
}
