import '@tensorflow/tfjs-node';
import { describe, expect, it } from 'vitest';
import { predictOptionsOf } from '../../../../core/predict.js';
import { MAP_COLOUR } from '../../../../core/explain/map-opacity.js';
import { loadShopPhotos, predictShopPhotos } from '../../../../pipeline/eval/shop-photos.js';
import { explainPhotoMistakes } from '../../../../pipeline/report/explain-photo-mistakes.js';
import { findExportedModels } from '../../../../pipeline/report/find-exported-models.js';
import { renderExplainedMistakes } from '../../../../pipeline/report/html/render-explained-mistakes.js';
import { mapOverInput } from '../../../../pipeline/report/map-over-input.js';
import { withExportedModel } from '../../../../pipeline/report/with-exported-model.js';
import type { CheckedModel } from '../../../../pipeline/report/report-types.js';

describe('mapOverInput', () => {
  it('keeps the input where the map does not push, and turns the strongest pixel mostly yellow', () => {
    const input = new Uint8Array(784).fill(100);
    const map = new Float32Array(784);
    map[5] = 2;
    map[6] = -3;
    const { data, width, height } = mapOverInput(input, map);
    expect([width, height]).toEqual([28, 28]);
    expect(Array.from(data.slice(6 * 4, 7 * 4))).toEqual([100, 100, 100, 255]);
    const blended = [...MAP_COLOUR.map((c) => 100 * 0.1 + c * 0.9), 255];
    Array.from(data.slice(5 * 4, 6 * 4)).forEach((v, i) => expect(Math.abs(v - blended[i]!)).toBeLessThanOrEqual(1));
    expect(() => mapOverInput(new Uint8Array(3), map)).toThrow('mapOverInput takes a 28x28 input and map (784 values each), got 3 and 784.');
  });
});

describe('the report\'s real-photo mistakes with their maps', () => {
  it('explains every photo the shipped CNN gets wrong, for its answer and for the right class, and shows each', async () => {
    const exported = findExportedModels('artifacts').find((e) => e.metadata.id === 'cnn')!;
    const photos = await loadShopPhotos();
    const scores = await withExportedModel(exported, (model) => predictShopPhotos(model, photos, predictOptionsOf(exported.metadata)));
    const wrong = scores.perPhoto.filter((p) => !p.correctTop1);
    expect(wrong.length).toBeGreaterThan(0);
    const mistakes = await explainPhotoMistakes(exported, scores.perPhoto);
    expect(mistakes.map((m) => m.file)).toEqual(wrong.map((p) => p.file));
    for (const m of mistakes) {
      expect(m.answer.index).not.toBe(m.label);
      expect(m.answerMap.some((v) => v > 0)).toBe(true);
      expect(Array.from(m.answerMap)).not.toEqual(Array.from(m.labelMap));
    }
    const model = { folder: 'models/cnn', metadata: exported.metadata, shopPhotos: { perPhoto: scores.perPhoto } } as unknown as CheckedModel;
    const html = renderExplainedMistakes([{ model, mistakes }], new Map());
    expect(html).toContain(`${mistakes.length} of ${photos.length} photos wrong`);
    for (const m of mistakes) expect(html).toContain(`<code>${m.file}</code>: said <b class="wrong">${m.answer.label}</b>`);
    expect(html.match(/<img class="why-input"/g)).toHaveLength(mistakes.length * 3);
    expect(html).toContain('gradient × input of the probability');
  });
});
