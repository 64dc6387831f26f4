import type { TopLevelSpec } from 'vega-lite';
import type { RobustnessResult } from '../../../core/types.js';
import { modelLabel } from '../model-label.js';
import { ownAccuracy } from '../own-mode.js';
import type { CheckedModel } from '../report-types.js';
import { groupedBarsSpec, type GroupedBar } from './grouped-bars-spec.js';
import { seriesColours } from './series-colours.js';

type Checked = Pick<CheckedModel, 'folder' | 'metadata' | 'robustness'>;

/** Every change any model was measured on, in suite order, by description ('as they are' first). Pure. */
export function suiteChanges(models: readonly Checked[]): string[] {
  return [...new Set(models.flatMap((m) => m.robustness.results.map((r) => r.description)))];
}

/** A change's name on a chart axis: its description ('none' says what is as it is). */
export const changeLabel = (r: Pick<RobustnessResult, 'change' | 'description'>) => (r.change === 'none' ? 'test images as they are' : r.description);

/** One bar per model per suite change: its top-1 in its own prediction mode. Pure. */
export function robustnessBars(models: readonly Checked[]): GroupedBar[] {
  return models.flatMap((m) => m.robustness.results.map((r) => {
    const value = ownAccuracy(r, m.metadata);
    return { category: changeLabel(r), series: modelLabel(m), value, text: `${(value * 100).toFixed(1)}%` };
  }));
}

/** Every export's top-1 on each change of the test images, as it is meant to be run. */
export function robustnessSpec(models: readonly Checked[]): TopLevelSpec {
  return groupedBarsSpec({
    bars: robustnessBars(models),
    categories: [...new Set(models.flatMap((m) => m.robustness.results.map(changeLabel)))],
    series: models.map(modelLabel),
    colours: seriesColours(models.map((m) => m.metadata)),
    xTitle: 'Top-1 on the changed test images',
    width: 520,
  });
}
