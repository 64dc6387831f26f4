import type { ModelMetadata } from '../../../core/types.js';
import { predictionModeName } from '../model-label.js';
import { recipeOf } from '../output-comparison.js';
import { escapeHtml } from './escape-html.js';

/** An export as a table heading: its display name, then its folder, recipe and prediction mode in small print. */
export function modelHeading(m: { folder: string; metadata: Pick<ModelMetadata, 'displayName' | 'prediction' | 'training'> }): string {
  return `${escapeHtml(m.metadata.displayName)}<br><small>${escapeHtml(m.folder)} · ${escapeHtml(recipeOf(m.metadata))} recipe · ${escapeHtml(predictionModeName(m.metadata))}</small>`;
}
