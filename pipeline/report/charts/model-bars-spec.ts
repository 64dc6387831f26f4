import type { TopLevelSpec } from 'vega-lite';
import type { ModelMetadata } from '../../../core/types.js';
import { modelLabel } from '../model-label.js';
import { groupedBarsSpec, type GroupedBar, type GroupedBarsInput } from './grouped-bars-spec.js';
import { seriesColours } from './series-colours.js';

/**
 * Grouped bars with one series per model (labelled and coloured as in every chart), the rows in
 * the order the bars first name them. Pure.
 */
export function modelBarsSpec(models: readonly { folder: string; metadata: ModelMetadata }[], bars: readonly GroupedBar[], options: Pick<GroupedBarsInput, 'xTitle' | 'barHeight' | 'width'>): TopLevelSpec {
  return groupedBarsSpec({
    bars,
    categories: [...new Set(bars.map((b) => b.category))],
    series: models.map(modelLabel),
    colours: seriesColours(models.map((m) => m.metadata)),
    ...options,
  });
}
