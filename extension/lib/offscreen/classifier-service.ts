import type { LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf } from '../../../core/predict';
import { topK } from '../../../core/top-k';
import { toFailure } from '../classify-error';
import { errorText } from '../error-text';
import { EXPLAIN_DEADLINE_MS, INIT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../time-limits';
import type { ClassifyRequest, ClassifyResponse } from '../messages';
import type { BackendInfo, BackendPreference } from '../types';
import { planBackends } from './backend-plan';
import { buildClassifyLanes } from './classify-lanes';
import { fetchImageBytes, type FetchedImage } from './fetch-image-bytes';
import type { ImagePreparer, PreparedImage } from './image-preparer';
import { initBackend } from './init-backend';
import { predictBatch } from './predict-batch';
import { buildModelRegistry } from './model-registry';
import { readWebglRenderer } from './read-webgl-renderer';
import { withTimeout } from '../with-timeout';
import { fail } from '../failures';
import type { ExplainResponse, OffscreenExplainRequest } from '../explain-messages';
import { explainInput } from './explain-input';

/** The offscreen document's classifier: one backend, models loaded once, downloads and decoding side by side, prediction in batches, one batch at a time. */
export interface ClassifierService {
  classify(request: ClassifyRequest): Promise<ClassifyResponse>;
  /** The popup's "Why?": core's map of a classified input, on the same backend and loaded model, in the predict lane (never beside a `predict`). */
  explain(request: OffscreenExplainRequest): Promise<ExplainResponse>;
}

/**
 * Builds the service. tfjs starts with the first request (with that request's backend setting)
 * and stays up; a request with a different setting switches backend and reloads the models (in
 * the predict lane, so never under a running `predict`). Requests go through the lanes
 * (classify-lanes.ts): downloads and decoding (`prepareImage`, the prepare worker) side by side,
 * then prediction in batches of what is prepared (one `predict` per batch), one batch at a time.
 * The download has REQUEST_TIMEOUT_MS, decoding to prediction has as much again, start-up has its
 * own limit, and all of it must fit before the request's deadline: every request is answered by
 * its deadline, and a stage that could only start after it is never started.
 */
export function buildClassifierService(loadModel: (id: string) => Promise<LoadedFashionModel>, prepareImage: ImagePreparer): ClassifierService {
  const lanes = buildClassifyLanes();
  const models = buildModelRegistry(loadModel);
  let preference: BackendPreference | null = null;
  let backend: Promise<BackendInfo> | null = null;

  /** tfjs on the request's backend and its model, started once (synchronously marked, so requests arriving together share one start-up). */
  function ready(request: Pick<ClassifyRequest, 'backend' | 'modelId'>): Promise<{ backend: BackendInfo; model: LoadedFashionModel }> {
    if (preference !== request.backend || !backend) {
      preference = request.backend;
      const renderer = readWebglRenderer();
      const starting = models.dispose().then(() => initBackend(planBackends(request.backend, renderer), renderer));
      backend = starting;
      starting.catch(() => {
        if (backend === starting) backend = null;
      });
    }
    return backend.then(async (info) => ({ backend: info, model: await models.get(request.modelId) }));
  }

  /** Runs a stage with REQUEST_TIMEOUT_MS, or what is left before the deadline if that is less. */
  function timed<T>(request: ClassifyRequest, stage: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const left = request.deadline - Date.now();
    return withTimeout(stage, Math.max(0, Math.min(REQUEST_TIMEOUT_MS, left)), left < REQUEST_TIMEOUT_MS ? () => fail('too-late') : () => fail('download-timeout'));
  }

  /** Starts tfjs and the model if needed (in the predict lane), within INIT_TIMEOUT_MS. */
  async function started(request: ClassifyRequest): Promise<{ loaded: { backend: BackendInfo; model: LoadedFashionModel }; initMs: number }> {
    const startedAt = performance.now();
    try {
      const loaded = await withTimeout(() => ready(request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
      return { loaded, initMs: performance.now() - startedAt };
    } catch (error) {
      throw fail('model-failed', errorText(error));
    }
  }

  /** Decodes and converts one downloaded image (in the prepare worker). */
  async function prepare(downloaded: Downloaded): Promise<Prepared> {
    const startedAt = performance.now();
    const image = await timed(downloaded.request, () => prepareImage(downloaded.fetched, downloaded.request.thumbnail));
    return { ...downloaded, image, startedAt };
  }

  /** One `predict` for a batch of prepared images of one model: each image's answer. */
  async function predict(batch: Prepared[]): Promise<ClassifyResponse[]> {
    const { loaded, initMs } = await started(batch[0]!.request);
    const { model, metadata } = loaded.model;
    // The batch's prediction gets the time its most pressed image has left.
    const mostPressed = batch.map((p) => p.request).reduce((a, b) => (b.deadline < a.deadline ? b : a));
    const { probabilities, predictMs } = await timed(mostPressed, () => predictBatch(model, predictOptionsOf(metadata), batch.map((p) => p.image.input)));
    return batch.map(({ request, image, startedAt, fetchMs, queuedAt }, i): ClassifyResponse => {
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
          // queueMs: the wait for a slot; predictMs: this image's share of its batch's.
          timings: { queueMs: startedAt - queuedAt - fetchMs, initMs, fetchMs, ...timings, predictMs: share, totalMs: fetchMs + timings.decodeMs + timings.convertMs + share, batchSize: batch.length },
        },
      };
    });
  }

  return {
    explain(request) {
      // In the lane: a "Why?" asked with another backend setting switches the backend and reloads
      // the models, which must never happen under a running predict.
      const deadline = Date.now() + EXPLAIN_DEADLINE_MS;
      const tooLong = () => new Error(`the map was not ready within ${EXPLAIN_DEADLINE_MS / 1000} s`);
      const inLane = lanes.alone(async (): Promise<ExplainResponse> => {
        if (Date.now() >= deadline) throw tooLong(); // its asker was answered already
        const { backend: info, model } = await withTimeout(() => ready(request), INIT_TIMEOUT_MS, () => new Error(`start-up took longer than ${INIT_TIMEOUT_MS / 1000} s`));
        const { map, explainMs } = await withTimeout(() => explainInput(model, request.input, request.classIndex), REQUEST_TIMEOUT_MS, () => new Error(`the map took longer than ${REQUEST_TIMEOUT_MS / 1000} s`));
        return { ok: true, map, classIndex: request.classIndex, explainMs, backend: info.name };
      });
      return withTimeout(() => inLane, EXPLAIN_DEADLINE_MS, tooLong).catch((error: unknown): ExplainResponse => ({ ok: false, error: toFailure(error) }));
    },
    classify(request) {
      const queuedAt = performance.now();
      // The first request starts tfjs and its model while its image downloads and decodes (nothing
      // can be predicting before tfjs is up, so this never switches a backend under a predict).
      if (!backend) void ready(request).catch(() => {}); // a failure is reported by the predict lane's own call

      const tooLate = (): ClassifyResponse => ({ ok: false, error: toFailure(fail('too-late')) });
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
  image: PreparedImage;
  /** When its preparation started. */
  startedAt: number;
}
