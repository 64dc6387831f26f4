import type { TopLevelSpec } from 'vega-lite';
import { modelLabel } from '../model-label.js';
import { ownAccuracy, ownPhotos } from '../own-mode.js';
import type { RecipePair } from '../recipe-pairs.js';
import type { CheckedModel } from '../report-types.js';
import { changeLabel } from './robustness-spec.js';
import type { GroupedBar } from './grouped-bars-spec.js';
import { modelBarsSpec } from './model-bars-spec.js';

type Checked = Pick<CheckedModel, 'folder' | 'metadata' | 'robustness' | 'shopPhotos'>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Per export of the pair (seed first): top-1 on each suite change and top-1 / top-3 on the real photos, each in its own mode. Pure. */
export function recipeBars(pair: RecipePair<Checked>): GroupedBar[] {
  return [pair.seed, pair.shipped].flatMap((m) => {
    const series = modelLabel(m);
    const photos = ownPhotos(m.shopPhotos.metrics, m.metadata);
    return [
      ...m.robustness.results.map((r) => ({ category: changeLabel(r), series, value: ownAccuracy(r, m.metadata), text: pct(ownAccuracy(r, m.metadata)) })),
      { category: 'Real photos: top-1', series, value: photos.top1, text: pct(photos.top1) },
      { category: 'Real photos: top-3', series, value: photos.top3, text: pct(photos.top3) },
    ];
  });
}

/** One architecture's seed and shop recipes side by side on the suite and the real photos. */
export function recipeComparisonSpec(pair: RecipePair<Checked>): TopLevelSpec {
  return modelBarsSpec([pair.seed, pair.shipped], recipeBars(pair), { xTitle: 'Top-1 (top-3 where named), as each is run', barHeight: 10 });
}
