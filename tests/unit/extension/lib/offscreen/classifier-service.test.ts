import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedFashionModel } from '../../../../../core/model-loader';
import type { PreparedImage } from '../../../../../extension/lib/offscreen/image-preparer';
import { predictBatch } from '../../../../../extension/lib/offscreen/predict-batch';
import { buildClassifierService } from '../../../../../extension/lib/offscreen/classifier-service';
import { MAX_IN_FLIGHT } from '../../../../../extension/lib/offscreen/classify-lanes';
import { fetchImageBytes, type FetchedImage } from '../../../../../extension/lib/offscreen/fetch-image-bytes';
import { buildClassifyRequest } from '../../../../../extension/lib/messages';
import { EXPLAIN_MESSAGE } from '../../../../../extension/lib/explain-messages';
import { explainInput } from '../../../../../extension/lib/offscreen/explain-input';
import { EXPLAIN_DEADLINE_MS } from '../../../../../extension/lib/time-limits';

// tfjs, WebGL and the image path are replaced: this checks what the service hands the preparer and
// predictBatch, and when it downloads, decodes and predicts.
vi.mock('../../../../../extension/lib/offscreen/predict-batch', () => ({ predictBatch: vi.fn() }));
vi.mock('../../../../../extension/lib/offscreen/explain-input', () => ({ explainInput: vi.fn() }));
vi.mock('../../../../../extension/lib/offscreen/fetch-image-bytes', () => ({ fetchImageBytes: vi.fn() }));
vi.mock('../../../../../extension/lib/offscreen/read-webgl-renderer', () => ({ readWebglRenderer: () => null }));
vi.mock('../../../../../extension/lib/offscreen/init-backend', () => ({
  initBackend: async () => ({ name: 'cpu', reason: 'test', renderer: null, initializedAt: 0 }),
}));

const prepared: PreparedImage = {
  input: new Uint8Array(784),
  thumbnail: 'data:image/jpeg;base64,AAAA',
  imageWidth: 600,
  imageHeight: 800,
  timings: { decodeMs: 1, convertMs: 1 },
};
const probabilities = [0, 0, 0, 0, 0, 0, 0, 0.9, 0.1, 0];
const top3 = [
  { index: 7, label: 'Sneaker', probability: 0.9 },
  { index: 8, label: 'Bag', probability: 0.1 },
  { index: 0, label: 'T-shirt/top', probability: 0 },
];

/** What the fake download gives for an address: its own bytes, so the test can see which image reached classifyImage. */
const fetchedFrom = (url: string): FetchedImage => ({ bytes: new TextEncoder().encode(url), contentType: 'image/png' });
const urlOf = (fetched: FetchedImage) => new TextDecoder().decode(fetched.bytes);

/** A loaded model whose metadata asks for mirror averaging (cnn), or for the image alone (lenet5). */
function fakeModel(id: string): LoadedFashionModel {
  const prediction = { prediction: { mirrorAverage: id === 'cnn', why: 'test' } };
  return { model: { dispose: vi.fn(), name: `${id}-model` }, metadata: { id, displayName: `${id} name`, ...prediction } } as unknown as LoadedFashionModel;
}

/** The preparer handed to the service (the prepare worker in the extension). */
const prepareImage = vi.fn<(fetched: FetchedImage, withThumbnail: boolean) => Promise<PreparedImage>>();
const buildService = (loadModel: (id: string) => Promise<LoadedFashionModel>) => buildClassifierService(loadModel, prepareImage);

beforeEach(() => {
  prepareImage.mockReset().mockResolvedValue(prepared);
  vi.mocked(explainInput).mockReset();
  vi.mocked(predictBatch)
    .mockReset()
    .mockImplementation(async (_model, _options, inputs) => ({ probabilities: inputs.map(() => probabilities), predictMs: inputs.length }));
  vi.mocked(fetchImageBytes)
    .mockReset()
    .mockImplementation(async (url) => fetchedFrom(url));
});

describe('buildClassifierService', () => {
  it('runs each model the way its metadata says: mirror-averaged when prediction.mirrorAverage is true, else the image alone', async () => {
    const service = buildService(async (id) => fakeModel(id));
    for (const modelId of ['cnn', 'lenet5'] as const) {
      const response = await service.classify(buildClassifyRequest({ requestId: modelId, imageUrl: `https://shop.example/${modelId}.jpg`, modelId, backend: 'auto', deadline: Date.now() + 120_000, thumbnail: true }));
      expect(response).toMatchObject({ ok: true, result: { modelId, modelName: `${modelId} name`, top3 } });
    }
    expect(prepareImage.mock.calls.map(([fetched]) => urlOf(fetched))).toEqual(['https://shop.example/cnn.jpg', 'https://shop.example/lenet5.jpg']);
    const calls = vi.mocked(predictBatch).mock.calls.map(([model, options, inputs]) => [(model as unknown as { name: string }).name, options, inputs.length]);
    expect(calls).toEqual([
      ['cnn-model', { mirrorAverage: true }, 1],
      ['lenet5-model', { mirrorAverage: false }, 1],
    ]);
  });
});

describe('"Why?" in the predict lane', () => {
  /**
   * A service with one click's batch predicting (held until finishFirst) and a second click
   * prepared and waiting for the lane; events records each predict and map as it runs.
   */
  async function batchRunningAndOneWaiting() {
    const events: string[] = [];
    let finishFirst!: () => void;
    vi.mocked(predictBatch).mockImplementation(async (_model, _options, inputs) => {
      events.push(`predict ${inputs.length} starts`);
      if (events.length === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
      events.push(`predict ${inputs.length} ends`);
      return { probabilities: inputs.map(() => probabilities), predictMs: 1 };
    });
    vi.mocked(explainInput).mockImplementation(async () => {
      events.push('map');
      return { map: Array.from({ length: 784 }, () => 0), explainMs: 1 };
    });
    const service = buildService(async (id) => fakeModel(id));
    const click = (id: string) => service.classify(buildClassifyRequest({ requestId: id, imageUrl: `https://shop.example/${id}.jpg`, modelId: 'cnn', backend: 'auto', deadline: Date.now() + 120_000, thumbnail: true }));
    const why = () => service.explain({ type: EXPLAIN_MESSAGE, target: 'offscreen', input: Array.from({ length: 784 }, () => 0), modelId: 'cnn', classIndex: 7, backend: 'auto' });
    const first = click('first');
    await vi.waitFor(() => expect(events).toEqual(['predict 1 starts']));
    const second = click('second');
    await vi.waitFor(() => expect(prepareImage).toHaveBeenCalledTimes(2)); // prepared, waiting for the lane
    return { events, why, finishFirst: () => finishFirst(), first, second };
  }
  it('computes the map after the batch predicting now and before the next one, never beside a predict', async () => {
    const { events, why, finishFirst, first, second } = await batchRunningAndOneWaiting();
    const answer = why();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['predict 1 starts']);
    finishFirst();
    expect(await answer).toMatchObject({ ok: true, classIndex: 7, backend: 'cpu' });
    expect((await first).ok && (await second).ok).toBe(true);
    expect(events).toEqual(['predict 1 starts', 'predict 1 ends', 'map', 'predict 1 starts', 'predict 1 ends']);
  });

  it('lets a waiting batch go between two maps, so maps cannot hold prepared images back', async () => {
    const { events, why, finishFirst, first, second } = await batchRunningAndOneWaiting();
    const maps = [why(), why()];
    finishFirst();
    await Promise.all([first, second, ...maps]);
    expect(events.filter((e) => !e.endsWith('ends'))).toEqual(['predict 1 starts', 'map', 'predict 1 starts', 'map']);
  });

  it('answers a failed map with its sentence, and the lane goes on', async () => {
    vi.mocked(explainInput).mockRejectedValue(new Error('the map broke.'));
    const service = buildService(async (id) => fakeModel(id));
    const why = await service.explain({ type: EXPLAIN_MESSAGE, target: 'offscreen', input: Array.from({ length: 784 }, () => 0), modelId: 'cnn', classIndex: 7, backend: 'auto' });
    expect(why).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('the map broke') } });
    const after = await service.classify(buildClassifyRequest({ requestId: 'after', imageUrl: 'https://shop.example/after.jpg', modelId: 'cnn', backend: 'auto', deadline: Date.now() + 120_000, thumbnail: true }));
    expect(after.ok).toBe(true);
  });
});

describe('deadlines', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const TOO_LATE = "Fashion Lens was still busy with earlier images when this one's time ran out (120 seconds after the click), so it gave up on it. Click the image again.";

  it(`answers a "Why?" still waiting for the lane ${EXPLAIN_DEADLINE_MS / 1000} s later with a sentence, and never computes its map`, async () => {
    // The model never loads: the click's batch holds the lane for start-up's 60 s, then the first map for 60 s more.
    const service = buildService(() => new Promise<LoadedFashionModel>(() => {}));
    const click = service.classify(buildClassifyRequest({ requestId: 'stuck', imageUrl: 'https://shop.example/stuck.jpg', modelId: 'cnn', backend: 'auto', deadline: Date.now() + 120_000, thumbnail: true }));
    await vi.advanceTimersByTimeAsync(1_000);
    const askedAt = Date.now();
    const answeredAt: number[] = [];
    const maps = [1, 2].map(() =>
      service.explain({ type: EXPLAIN_MESSAGE, target: 'offscreen', input: Array.from({ length: 784 }, () => 0), modelId: 'cnn', classIndex: 7, backend: 'auto' }).then((answer) => {
        answeredAt.push(Date.now() - askedAt);
        return answer;
      }),
    );
    await vi.advanceTimersByTimeAsync(200_000);
    for (const answer of await Promise.all(maps)) expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining(`the map was not ready within ${EXPLAIN_DEADLINE_MS / 1000} s`) } });
    expect(answeredAt).toEqual([EXPLAIN_DEADLINE_MS, EXPLAIN_DEADLINE_MS]);
    expect(explainInput).not.toHaveBeenCalled();
    expect((await click).ok).toBe(false);
  });

  it('answers a request that waits for the predict lane past its deadline at the deadline, and never predicts it', async () => {
    // The first click's batch takes 14 s to predict; a second click, one second later, has 10 s.
    vi.mocked(predictBatch).mockImplementation(
      (_model, _options, inputs) => new Promise((resolve) => setTimeout(() => resolve({ probabilities: inputs.map(() => probabilities), predictMs: 14_000 }), 14_000)),
    );
    const service = buildService(async (id) => fakeModel(id));
    const clickedAt = Date.now();
    const first = service.classify(buildClassifyRequest({ requestId: 'first', imageUrl: 'https://shop.example/first.jpg', modelId: 'cnn', backend: 'auto', deadline: clickedAt + 120_000, thumbnail: true }));
    await vi.advanceTimersByTimeAsync(1_000);
    let secondAt = 0;
    const second = service
      .classify(buildClassifyRequest({ requestId: 'second', imageUrl: 'https://shop.example/second.jpg', modelId: 'cnn', backend: 'auto', deadline: Date.now() + 10_000, thumbnail: true }))
      .then((answer) => {
        secondAt = Date.now() - clickedAt;
        return answer;
      });
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await first).ok).toBe(true);
    // The second was prepared at once, then waited for the lane: answered at its deadline with the sentence, never predicted.
    expect(await second).toEqual({ ok: false, error: { code: 'too-late', message: TOO_LATE } });
    expect(secondAt).toBe(11_000);
    expect(prepareImage).toHaveBeenCalledTimes(2);
    expect(vi.mocked(predictBatch).mock.calls.map(([, , inputs]) => inputs.length)).toEqual([1]);
  });
});

describe('downloads side by side (issue 19 item 4)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Downloads that take `slowMs` for addresses containing "slow", and 20 ms for the others. */
  const downloadsTaking = (slowMs: number) =>
    vi.mocked(fetchImageBytes).mockImplementation((url) => new Promise((resolve) => setTimeout(() => resolve(fetchedFrom(url)), url.includes('slow') ? slowMs : 20)));

  /** Sends the clicks together and records when each is answered (ms after the clicks). */
  function clickAll(service: ReturnType<typeof buildService>, urls: string[], deadlineMs = 120_000) {
    const clickedAt = Date.now();
    const answeredAt: number[] = [];
    const answers = urls.map((imageUrl, i) =>
      service.classify(buildClassifyRequest({ requestId: `r${i}`, imageUrl, modelId: 'cnn', backend: 'auto', deadline: clickedAt + deadlineMs, thumbnail: true })).then((answer) => {
        answeredAt[i] = Date.now() - clickedAt;
        return answer;
      }),
    );
    return { answers: Promise.all(answers), answeredAt };
  }

  it('answers fast images at once while three slow ones download', async () => {
    downloadsTaking(14_000);
    const service = buildService(async (id) => fakeModel(id));
    const urls = ['slow-1', 'slow-2', 'slow-3', ...Array.from({ length: 7 }, (_, i) => `fast-${i}`)].map((name) => `https://shop.example/${name}.jpg`);
    const { answers, answeredAt } = clickAll(service, urls);
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await answers).every((r) => r.ok)).toBe(true);
    for (let i = 3; i < 10; i++) expect(answeredAt[i], `fast image ${i - 3}`).toBeLessThan(500);
    for (let i = 0; i < 3; i++) expect(answeredAt[i], `slow image ${i}`).toBeGreaterThanOrEqual(14_000);
    // Images are prepared in the order their downloads ended.
    expect(prepareImage.mock.calls.map(([fetched]) => urlOf(fetched).replace(/.*\/|\.jpg/g, ''))).toEqual([
      ...Array.from({ length: 7 }, (_, i) => `fast-${i}`),
      'slow-1',
      'slow-2',
      'slow-3',
    ]);
  });

  it(`downloads at most ${MAX_IN_FLIGHT} images at once: ten clicks on a 14 s image are all answered, in two rounds`, async () => {
    downloadsTaking(14_000);
    const service = buildService(async (id) => fakeModel(id));
    const { answers, answeredAt } = clickAll(service, Array.from({ length: 10 }, () => 'https://shop.example/slow.jpg'));
    await vi.advanceTimersByTimeAsync(6_000);
    expect(vi.mocked(fetchImageBytes)).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(30_000);
    expect((await answers).every((r) => r.ok)).toBe(true);
    expect(answeredAt.slice(0, 6).every((ms) => ms >= 14_000 && ms < 15_000)).toBe(true);
    expect(answeredAt.slice(6).every((ms) => ms >= 28_000 && ms < 29_000)).toBe(true);
  });

  it('refuses at the deadline a click still waiting for a download slot, and never downloads it', async () => {
    downloadsTaking(14_000);
    const service = buildService(async (id) => fakeModel(id));
    // 20 clicks, 30 s each: rounds of six downloads start at 0 s, 14 s and 28 s (cut at 30 s); two never start.
    const { answers, answeredAt } = clickAll(service, Array.from({ length: 20 }, () => 'https://shop.example/slow.jpg'), 30_000);
    await vi.advanceTimersByTimeAsync(60_000);
    const responses = await answers;
    expect(responses.slice(0, 12).every((r) => r.ok)).toBe(true);
    for (const response of responses.slice(12)) expect(response).toEqual({ ok: false, error: { code: 'too-late', message: expect.stringMatching(/^Fashion Lens was still busy with earlier images when this one's time ran out/) } });
    expect(answeredAt.slice(12).every((ms) => ms === 30_000)).toBe(true);
    expect(vi.mocked(fetchImageBytes)).toHaveBeenCalledTimes(18);
  });
});
