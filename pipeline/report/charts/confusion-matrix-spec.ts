import type { TopLevelSpec } from 'vega-lite';
import { CLASS_NAMES } from '../../../core/model-contract.js';
import { chartHeader } from './chart-theme.js';

/** One cell of the confusion matrix. */
export interface ConfusionCell {
  /** The true class name. */
  actual: string;
  /** The predicted class name. */
  predicted: string;
  /** Test images of class `actual` predicted as `predicted`. */
  count: number;
  /** count as a fraction of all test images of class `actual` (0..1): what the colour shows. */
  share: number;
}

/** The matrix (matrix[true][predicted]) as 100 cells in label order. Pure. */
export function confusionCells(matrix: readonly (readonly number[])[]): ConfusionCell[] {
  return matrix.flatMap((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, p) => ({ actual: CLASS_NAMES[t] ?? String(t), predicted: CLASS_NAMES[p] ?? String(p), count, share: total ? count / total : 0 }));
  });
}

/**
 * The confusion matrix as a heatmap: rows the true class, columns the predicted class, colour the
 * share of the row (so a rare mix-up of a big class shows as faintly as it matters), and the count
 * written in each non-empty cell.
 */
export function confusionMatrixSpec(matrix: readonly (readonly number[])[]): TopLevelSpec {
  const order = [...CLASS_NAMES];
  const x = { field: 'predicted', type: 'nominal', sort: order, title: 'Predicted', axis: { labelAngle: -40 } } as const;
  const y = { field: 'actual', type: 'nominal', sort: order, title: 'True class' } as const;
  return {
    ...chartHeader(confusionCells(matrix), { width: 380, height: 380 }),
    layer: [
      {
        mark: { type: 'rect', stroke: '#e3e7ee', strokeWidth: 1 },
        encoding: {
          x,
          y,
          // Empty cells white, so the few real confusions stand out from the many that never happen.
          color: { condition: { test: 'datum.count === 0', value: 'white' }, field: 'share', type: 'quantitative', title: 'Row share', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%' } },
          tooltip: [{ field: 'actual' }, { field: 'predicted' }, { field: 'count' }, { field: 'share', format: '.1%' }],
        },
      },
      {
        transform: [{ filter: 'datum.count > 0' }],
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: 'count', type: 'quantitative' },
          color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: '#222' },
        },
      },
    ],
  };
}
