import type { ModelMetadata } from '../../core/types.js';
import { recipeOf } from './output-comparison.js';

/** An export as the report names it: its folder (unique) and metadata. */
export interface LabelledExport {
  folder: string;
  metadata: Pick<ModelMetadata, 'training'>;
}

/**
 * A short unique name for an export in chart legends: its folder and recipe, e.g.
 * "models/lenet5 (shop recipe)" (the tables give display names). Short because Vega, rendering
 * without a canvas, estimates text widths generously and cuts long labels.
 */
export const modelLabel = (m: LabelledExport) => `${m.folder} (${recipeOf(m.metadata)} recipe)`;

/** How the export is meant to be run, in words: metadata.prediction.mirrorAverage (absent: the image alone). */
export const predictionModeName = (m: Pick<ModelMetadata, 'prediction'>) => (m.prediction.mirrorAverage ? 'mirror-averaged' : 'image alone');
