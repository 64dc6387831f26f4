import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedFashionModel } from '../../../../../core/model-loader';
import { classifyImage, type ImageClassification } from '../../../../../extension/lib/offscreen/classify-image';
import { buildClassifierService } from '../../../../../extension/lib/offscreen/classifier-service';
import { buildClassifyRequest } from '../../../../../extension/lib/messages';

// tfjs, WebGL and the image path are replaced: this checks what the service hands classifyImage.
vi.mock('../../../../../extension/lib/offscreen/classify-image', () => ({ classifyImage: vi.fn() }));
vi.mock('../../../../../extension/lib/offscreen/read-webgl-renderer', () => ({ readWebglRenderer: () => null }));
vi.mock('../../../../../extension/lib/offscreen/init-backend', () => ({
  initBackend: async () => ({ name: 'cpu', reason: 'test', renderer: null, initializedAt: 0 }),
}));

const classification: ImageClassification = {
  top3: [{ index: 7, label: 'Sneaker', probability: 0.9 }],
  probabilities: [0, 0, 0, 0, 0, 0, 0, 0.9, 0.1, 0],
  input: [],
  thumbnail: 'data:image/jpeg;base64,AAAA',
  imageWidth: 600,
  imageHeight: 800,
  timings: { fetchMs: 1, decodeMs: 1, convertMs: 1, predictMs: 1, totalMs: 4 },
};

/** A loaded model whose metadata asks for mirror averaging (cnn), or says nothing about it (lenet5, an older export). */
function fakeModel(id: string): LoadedFashionModel {
  const prediction = id === 'cnn' ? { prediction: { mirrorAverage: true } } : {};
  return { model: { dispose: vi.fn(), name: `${id}-model` }, metadata: { id, displayName: `${id} name`, ...prediction } } as unknown as LoadedFashionModel;
}

beforeEach(() => {
  vi.mocked(classifyImage).mockReset().mockResolvedValue(classification);
});

describe('buildClassifierService', () => {
  it('runs each model the way its metadata says: mirror-averaged when prediction.mirrorAverage is true, else the image alone', async () => {
    const service = buildClassifierService(async (id) => fakeModel(id));
    for (const modelId of ['cnn', 'lenet5'] as const) {
      const response = await service.classify(buildClassifyRequest({ requestId: modelId, imageUrl: `https://shop.example/${modelId}.jpg`, modelId, backend: 'auto', deadline: Date.now() + 120_000 }));
      expect(response).toMatchObject({ ok: true, result: { modelId, modelName: `${modelId} name`, top3: classification.top3 } });
    }
    const calls = vi.mocked(classifyImage).mock.calls.map(([url, model, options]) => [url, (model as unknown as { name: string }).name, options]);
    expect(calls).toEqual([
      ['https://shop.example/cnn.jpg', 'cnn-model', { mirrorAverage: true }],
      ['https://shop.example/lenet5.jpg', 'lenet5-model', { mirrorAverage: false }],
    ]);
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

  it('answers a request that waits past its deadline at the deadline, and never starts its work', async () => {
    // The first image takes 14 s; nine clicks arrive together, each with 120 s.
    vi.mocked(classifyImage).mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve(classification), 14_000)));
    const service = buildClassifierService(async (id) => fakeModel(id));
    const clickedAt = Date.now();
    const answeredAt: number[] = [];
    const answers = Array.from({ length: 10 }, (_, i) =>
      service.classify(buildClassifyRequest({ requestId: `r${i}`, imageUrl: `https://shop.example/${i}.jpg`, modelId: 'cnn', backend: 'auto', deadline: clickedAt + 120_000 })).then((answer) => {
        answeredAt[i] = Date.now() - clickedAt;
        return answer;
      }),
    );
    await vi.advanceTimersByTimeAsync(200_000);
    const responses = await Promise.all(answers);
    expect(responses.slice(0, 8).every((r) => r.ok)).toBe(true); // 8 x 14 s = 112 s
    // The ninth starts at 112 s with 8 s left: its image is cut off at the deadline, with the sentence.
    expect(responses[8]).toEqual({ ok: false, error: { code: 'timeout', message: TOO_LATE } });
    expect(answeredAt[8]).toBe(120_000);
    // The tenth never reached the front: refused at its deadline, its image never fetched.
    expect(responses[9]).toEqual({ ok: false, error: { code: 'timeout', message: TOO_LATE } });
    expect(answeredAt[9]).toBe(120_000);
    expect(vi.mocked(classifyImage)).toHaveBeenCalledTimes(9);
    // A click after them does not wait for their work.
    const next = service.classify(buildClassifyRequest({ requestId: 'late', imageUrl: 'https://shop.example/late.jpg', modelId: 'cnn', backend: 'auto', deadline: Date.now() + 120_000 }));
    await vi.advanceTimersByTimeAsync(14_000);
    expect((await next).ok).toBe(true);
  });
});
