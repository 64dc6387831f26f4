import type { TopLevelSpec } from 'vega-lite';
import { CLASS_NAMES } from '../../../core/model-contract.js';
import { chartHeader } from './chart-theme.js';

/** Accuracy of one class on one kind of input. */
export interface ClassAccuracy {
  /** Class name. */
  className: string;
  /** Which input the accuracy is on, e.g. 'Test images' or 'Product photos'. */
  input: string;
  /** Accuracy 0..1. */
  accuracy: number;
}

/** Rows for each named series of 10 per-class accuracies (label order). Pure. */
export function classAccuracyRows(series: Readonly<Record<string, readonly number[]>>): ClassAccuracy[] {
  return Object.entries(series).flatMap(([input, values]) => values.map((accuracy, c) => ({ className: CLASS_NAMES[c] ?? String(c), input, accuracy })));
}

/**
 * Accuracy per class as horizontal bars, one bar per series side by side (e.g. the original test
 * images beside the same images as product photos), the value written at the end of each bar.
 */
export function perClassAccuracySpec(series: Readonly<Record<string, readonly number[]>>): TopLevelSpec {
  const inputs = Object.keys(series);
  const y = { field: 'className', type: 'nominal', sort: [...CLASS_NAMES], title: null } as const;
  const yOffset = { field: 'input', type: 'nominal', sort: inputs } as const;
  return {
    ...chartHeader(classAccuracyRows(series), { width: 360, height: { step: 10 * inputs.length + 6, for: 'position' } }),
    encoding: {
      y,
      yOffset,
      x: { field: 'accuracy', type: 'quantitative', title: 'Accuracy', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: { field: 'input', type: 'nominal', title: null, sort: inputs, scale: { range: ['#1f77b4', '#ff7f0e', '#2ca02c'] }, legend: { orient: 'bottom' } },
          tooltip: [{ field: 'className' }, { field: 'input' }, { field: 'accuracy', format: '.1%' }],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 },
        encoding: { text: { field: 'accuracy', type: 'quantitative', format: '.1%' } },
      },
    ],
  };
}
