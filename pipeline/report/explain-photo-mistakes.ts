import { explain } from '../../core/explain/explain.js';
import { predictOptionsOf } from '../../core/predict.js';
import type { TopKEntry } from '../../core/top-k.js';
import type { ShopPhotoResult } from '../eval/shop-photos.js';
import type { ExportedModel } from './find-exported-models.js';
import { withExportedModel } from './with-exported-model.js';

/** A real photo a model got wrong, with what it looked at for its answer and for the right class. */
export interface ExplainedMistake {
  /** Path relative to the photos' folder. */
  file: string;
  /** The right class index. */
  label: number;
  /** The model's (wrong) top-1. */
  answer: TopKEntry;
  /** The 28x28 input it saw. */
  input: Uint8Array;
  /** core's map for the wrong answer. */
  answerMap: Float32Array;
  /** core's map for the right class. */
  labelMap: Float32Array;
}

/**
 * Every real photo whose top-1 the export got wrong (perPhoto: its own mode's results), with core's
 * maps (the method the extension shows, the model run as its metadata says) for the wrong answer
 * and for the right class, computed with the exported weights.
 */
export function explainPhotoMistakes(exported: ExportedModel, perPhoto: readonly ShopPhotoResult[]): Promise<ExplainedMistake[]> {
  const options = predictOptionsOf(exported.metadata);
  return withExportedModel(exported, (model) =>
    perPhoto
      .filter((p) => !p.correctTop1)
      .map((p) => ({
        file: p.file,
        label: p.label,
        answer: p.top3[0]!,
        input: p.input,
        answerMap: explain(model, p.input, { ...options, classIndex: p.top3[0]!.index }).map,
        labelMap: explain(model, p.input, { ...options, classIndex: p.label }).map,
      })),
  );
}
