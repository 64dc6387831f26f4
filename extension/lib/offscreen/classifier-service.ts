import type { LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf } from '../../../core/predict';
import { topK } from '../../../core/top-k';
import { toFailure } from '../classify-error';
import { INIT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../time-limits';
import type { ClassifyRequest, ClassifyResponse } from '../messages';
import type { BackendInfo, BackendPreference } from '../types';
import { planBackends } from './backend-plan';
import { predictBatch, prepareImage, type PreparedImage } from './classify-image';
import { buildClassifyLanes } from './classify-lanes';
import { classifierErrors } from './classifier-errors';
import { fetchImageBytes, type FetchedImage } from './fetch-image-bytes';
import { imageErrors } from './image-errors';
import { initBackend } from './init-backend';
import { buildModelRegistry } from './model-registry';
import { readWebglRenderer } from './read-webgl-renderer';
import { withTimeout } from '../with-timeout';
import type { ExplainResponse, OffscreenExplainRequest } from '../explain-messages';
import { explainInput } from './explain-input';

/** The offscreen document's classifier: one backend, models loaded once, downloads side by side, decoding and prediction in batches, one batch at a time. */
export interface ClassifierService {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
  /** The popup's "Why?": core's map of a classified input, on the same backend and loaded model. */
  explain(request: OffscreenExplainRequest): Promise<ExplainResponse>;
}

/**
 * Builds the service. tfjs starts on the first request (with that request's backend setting)
 * and stays up; a request with a different setting switches backend and reloads the models.
 * Requests go through the lanes (classify-lanes.ts): downloads side by side, then decoding and
 * prediction in batches of what has downloaded (one `predict` per batch), one batch at a time. The download has REQUEST_TIMEOUT_MS, decoding to prediction has as
 * much again, start-up has its own limit, and all of it must fit before the request's deadline:
 * every request is answered by its deadline, and a stage that could only start after it is
 * never started.
 */
export function buildClassifierService(loadModel: (id: string) => Promise<LoadedFashionModel>): ClassifierService {
  const lanes = buildClassifyLanes();
  const models = buildModelRegistry(loadModel);
  let preference: BackendPreference | null = null;
  let backend: Promise<BackendInfo> | null = null;

  async function ready(request: Pick<ClassifyRequest, 'backend' | 'modelId'>): Promise<{ backend: BackendInfo; model: LoadedFashionModel }> {
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

  /** Starts tfjs and the model if needed, then decodes and converts one downloaded image. */
  async function prepare(downloaded: Downloaded): Promise<Prepared> {
    const startedAt = performance.now();
    let loaded: { backend: BackendInfo; model: LoadedFashionModel };
    try {
      loaded = await withTimeout(() => ready(downloaded.request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
    } catch (error) {
      throw classifierErrors.modelFailed((error as Error)?.message ?? String(error));
    }
    const initMs = performance.now() - startedAt;
    const image = await timed(downloaded.request, () => prepareImage(downloaded.fetched));
    return { ...downloaded, loaded, image, initMs, startedAt };
  }

  /** One `predict` for a batch of prepared images of one model: each image's answer. */
  async function predict(batch: Prepared[]): Promise<ClassifyResponse[]> {
    const { model, metadata } = batch[0]!.loaded.model;
    // The batch's prediction gets the time its most pressed image has left.
    const mostPressed = batch.map((p) => p.request).reduce((a, b) => (b.deadline < a.deadline ? b : a));
    const { probabilities, predictMs } = await timed(mostPressed, () => predictBatch(model, predictOptionsOf(metadata), batch.map((p) => p.image.input)));
    return batch.map(({ request, loaded, image, initMs, startedAt, fetchMs, queuedAt }, i): ClassifyResponse => {
      const { input, timings, ...shown } = image;
      const share = predictMs / batch.length;
      return {
        ok: true,
        result: {
          ...shown,
          top3: topK(probabilities[i]!, 3),
          probabilities: probabilities[i]!,
          input: Array.from(input),
          modelId: request.modelId,
          modelName: loaded.model.metadata.displayName,
          backend: loaded.backend,
          // queueMs: the wait for a slot plus the wait for the lane; predictMs: this image's share of its batch's.
          timings: { queueMs: startedAt - queuedAt - fetchMs, initMs, fetchMs, ...timings, predictMs: share, totalMs: fetchMs + timings.decodeMs + timings.convertMs + share, batchSize: batch.length },
        },
      };
    });
  }

  return {
    async explain(request) {
      try {
        const { backend: info, model } = await withTimeout(() => ready(request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
        const { map, explainMs } = await withTimeout(() => explainInput(model, request.input, request.classIndex), REQUEST_TIMEOUT_MS, () => new Error(`the map took longer than ${REQUEST_TIMEOUT_MS / 1000} s`));
        return { ok: true, map, classIndex: request.classIndex, explainMs, backend: info.name };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },
    classify(request) {
      const queuedAt = performance.now();
      const tooLate = (): ClassifyResponse => ({ ok: false, error: toFailure(classifierErrors.deadlinePassed()) });
      const work = lanes
        .run<Downloaded, Prepared, ClassifyResponse>({
          deadline: request.deadline,
          batchKey: `${request.modelId}|${request.backend}`,
          fetch: async () => {
            const fetchStartedAt = performance.now();
            const fetched = await timed(request, (signal) => fetchImageBytes(request.imageUrl, signal));
            return { request, fetched, fetchMs: performance.now() - fetchStartedAt, queuedAt };
          },
          prepare,
          predict,
        })
        .catch((error: unknown): ClassifyResponse => ({ ok: false, error: toFailure(error) }));
      // Answer at the deadline even while the request still waits for a slot or the lane.
      return withTimeout(() => work, Math.max(0, request.deadline - Date.now()), () => new Error('deadline')).catch(tooLate);
    },
  };
}

/** A downloaded image waiting for the compute lane, with its request. */
interface Downloaded {
  request: ClassifyRequest;
  fetched: FetchedImage;
  fetchMs: number;
  queuedAt: number;
}

/** A prepared image waiting for its batch's prediction. */
interface Prepared extends Downloaded {
  loaded: { backend: BackendInfo; model: LoadedFashionModel };
  image: PreparedImage;
  initMs: number;
  /** When its turn in the lane started. */
  startedAt: number;
}
