import type { TopLevelSpec } from 'vega-lite';
import type { TrainingRecord } from '../../../core/types.js';
import { chartHeader } from './chart-theme.js';

type Epoch = TrainingRecord['history'][number];

/** One point of a training curve. */
export interface CurvePoint {
  epoch: number;
  /** 'Loss' or 'Accuracy' (one panel each). */
  metric: 'Loss' | 'Accuracy';
  /** 'Training' or 'Validation' (one line each). */
  split: 'Training' | 'Validation';
  value: number;
}

/** The per-epoch history as long-form points: 4 per epoch. Pure. */
export function trainingCurvePoints(history: readonly Epoch[]): CurvePoint[] {
  return history.flatMap((h) => [
    { epoch: h.epoch, metric: 'Loss', split: 'Training', value: h.loss },
    { epoch: h.epoch, metric: 'Loss', split: 'Validation', value: h.valLoss },
    { epoch: h.epoch, metric: 'Accuracy', split: 'Training', value: h.accuracy },
    { epoch: h.epoch, metric: 'Accuracy', split: 'Validation', value: h.valAccuracy },
  ]);
}

/**
 * Loss and accuracy per epoch, training and validation, side by side (each panel its own y
 * scale: loss and accuracy have nothing in common). Points mark each epoch so a 1-epoch run
 * still shows something.
 */
export function trainingCurvesSpec(history: readonly Epoch[]): TopLevelSpec {
  const maxEpoch = Math.max(1, ...history.map((h) => h.epoch));
  return {
    ...chartHeader(trainingCurvePoints(history)),
    facet: { column: { field: 'metric', type: 'nominal', sort: ['Loss', 'Accuracy'], title: null, header: { labelFontSize: 13 } } },
    spec: {
      width: 300,
      height: 200,
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title: 'Epoch', scale: { domain: [1, maxEpoch] }, axis: { tickMinStep: 1, format: 'd' } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        color: { field: 'split', type: 'nominal', title: null, scale: { domain: ['Training', 'Validation'], range: ['#1f77b4', '#ff7f0e'] } },
        tooltip: [{ field: 'epoch' }, { field: 'split' }, { field: 'value', format: '.4f' }],
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}
