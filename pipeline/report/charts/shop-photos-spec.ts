import type { TopLevelSpec } from 'vega-lite';
import { CLASS_NAMES } from '../../../core/model-contract.js';
import type { TopAccuracy } from '../../../core/types.js';
import { modelLabel } from '../model-label.js';
import { ownPhotos } from '../own-mode.js';
import type { CheckedModel } from '../report-types.js';
import type { GroupedBar } from './grouped-bars-spec.js';
import { modelBarsSpec } from './model-bars-spec.js';

type Checked = Pick<CheckedModel, 'folder' | 'metadata' | 'shopPhotos'>;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A row label: "All photos (36)" or "Sneaker (10)". */
const groupName = (name: string, count: number) => `${name} (${count})`;

function bar(category: string, m: Checked, a: TopAccuracy): GroupedBar {
  return { category, series: modelLabel(m), value: a.top1, outer: a.top3, text: `${pct(a.top1)} · top-3 ${pct(a.top3)}` };
}

/** Per model: top-1 and top-3 over all photos, then per class present, in the model's own mode. Pure. */
export function shopPhotoBars(models: readonly Checked[]): GroupedBar[] {
  return models.flatMap((m) => {
    const s = m.shopPhotos.metrics;
    const all = ownPhotos(s, m.metadata);
    return [bar(groupName('All photos', all.count), m, all), ...s.perClass.map((c) => bar(groupName(CLASS_NAMES[c.classIndex] ?? String(c.classIndex), c.count), m, c))];
  });
}

/** Every export's top-1 (dark) and top-3 (light) on the real photos, overall and per class. */
export function shopPhotosSpec(models: readonly Checked[]): TopLevelSpec {
  return modelBarsSpec(models, shopPhotoBars(models), { xTitle: 'Real photos right: top-1 (dark), top-3 (light)', width: 520 });
}
