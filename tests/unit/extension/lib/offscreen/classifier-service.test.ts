import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedFashionModel } from '../../../../../core/model-loader';
import type { ModelId } from '../../../../../core/types';
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
function fakeModel(id: ModelId): LoadedFashionModel {
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
      const response = await service.classify(buildClassifyRequest({ requestId: modelId, imageUrl: `https://shop.example/${modelId}.jpg`, modelId, backend: 'auto' }));
      expect(response).toMatchObject({ ok: true, result: { modelId, modelName: `${modelId} name`, top3: classification.top3 } });
    }
    const calls = vi.mocked(classifyImage).mock.calls.map(([url, model, options]) => [url, (model as unknown as { name: string }).name, options]);
    expect(calls).toEqual([
      ['https://shop.example/cnn.jpg', 'cnn-model', { mirrorAverage: true }],
      ['https://shop.example/lenet5.jpg', 'lenet5-model', { mirrorAverage: false }],
    ]);
  });
});
