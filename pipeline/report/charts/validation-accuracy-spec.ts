import type { TopLevelSpec } from 'vega-lite';
import type { ModelMetadata } from '../../../core/types.js';
import { chartHeader } from './chart-theme.js';
import { seriesColours } from './series-colours.js';

/** One model's validation accuracy after one epoch. */
export interface ValidationPoint {
  /** The model's display name. */
  model: string;
  epoch: number;
  /** Validation accuracy 0..1. */
  valAccuracy: number;
}

/** Every model's per-epoch validation accuracy. Pure. */
export function validationPoints(models: readonly Pick<ModelMetadata, 'displayName' | 'training'>[]): ValidationPoint[] {
  return models.flatMap((m) => (m.training?.history ?? []).map((h) => ({ model: m.displayName, epoch: h.epoch, valAccuracy: h.valAccuracy })));
}

/** The models' validation accuracy per epoch on one chart, to compare how they learn (each in its colour of the other charts). */
export function validationAccuracySpec(models: readonly Pick<ModelMetadata, 'id' | 'displayName' | 'training'>[]): TopLevelSpec {
  const maxEpoch = Math.max(1, ...models.flatMap((m) => (m.training?.history ?? []).map((h) => h.epoch)));
  return {
    ...chartHeader(validationPoints(models), { width: 420, height: 220 }),
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'Epoch', scale: { domain: [1, maxEpoch] }, axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'valAccuracy', type: 'quantitative', title: 'Validation accuracy', scale: { zero: false }, axis: { format: '.1%' } },
      color: { field: 'model', type: 'nominal', title: null, scale: { domain: models.map((m) => m.displayName), range: seriesColours(models) }, legend: { orient: 'bottom' } },
      tooltip: [{ field: 'model' }, { field: 'epoch' }, { field: 'valAccuracy', format: '.2%' }],
    },
  };
}
