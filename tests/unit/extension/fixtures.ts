import { CLASS_NAMES, type ClassName } from '../../../core/model-contract';
import type { ClassifyResult, FinishedEntry } from '../../../extension/lib/types';

/** A finished result as the offscreen document answers it (values are illustrative). */
export function doneEntry(id: string, label = 'Sneaker', overrides: Partial<ClassifyResult> = {}): FinishedEntry {
  const result: ClassifyResult = {
    modelId: 'cnn',
    modelName: 'Seed CNN',
    top3: [
      { index: Math.max(0, CLASS_NAMES.indexOf(label as ClassName)), label, probability: 0.912 },
      { index: 5, label: 'Sandal', probability: 0.061 },
      { index: 9, label: 'Ankle boot', probability: 0.02 },
    ],
    probabilities: [0, 0, 0, 0, 0, 0.061, 0, 0.912, 0.007, 0.02],
    input: Array.from({ length: 784 }, (_, i) => i % 256),
    thumbnail: 'data:image/jpeg;base64,AAAA',
    imageWidth: 600,
    imageHeight: 800,
    backend: { name: 'wasm', reason: 'WebGL here is only a software renderer (SwiftShader); WASM is about 13x faster there.', renderer: 'SwiftShader', initializedAt: 1_700_000_000_000 },
    timings: { queueMs: 0, initMs: 0, fetchMs: 5, decodeMs: 6, convertMs: 2, predictMs: 12, totalMs: 25 },
    ...overrides,
  };
  return { id, imageUrl: `https://shop.example/${id}.jpg`, modelId: 'cnn', requestedAt: 1_700_000_000_000, status: 'done', result, finishedAt: 1_700_000_000_100 };
}

export function errorEntry(id: string, message: string): FinishedEntry {
  return { id, imageUrl: `https://shop.example/${id}`, modelId: 'lenet5', requestedAt: 1_700_000_000_000, status: 'error', error: { code: 'http-error', message }, finishedAt: 1_700_000_000_050 };
}
