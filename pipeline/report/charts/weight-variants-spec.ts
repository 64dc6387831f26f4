import type { TopLevelSpec } from 'vega-lite';
import type { ModelMetadata } from '../../../core/types.js';
import { chartHeader } from './chart-theme.js';
import { seriesColours } from './series-colours.js';

/** One exported weight variant of one model. */
export interface VariantPoint {
  /** The model's display name. */
  model: string;
  /** The weight dtype. */
  dtype: string;
  /** Weight bytes in KiB. */
  kib: number;
  /** Test accuracy 0..1 as loaded back through core's loader. */
  testAccuracy: number;
  /** True for the variant the extension ships. */
  shipped: boolean;
}

/** Every model's measured variants (models without variants contribute none). Pure. */
export function variantPoints(models: readonly Pick<ModelMetadata, 'displayName' | 'weights'>[]): VariantPoint[] {
  return models.flatMap((m) =>
    (m.weights.variants ?? []).map((v) => ({ model: m.displayName, dtype: v.dtype, kib: v.weightBytes / 1024, testAccuracy: v.testAccuracy, shipped: v.dtype === m.weights.dtype })),
  );
}

/**
 * Test accuracy against weight size for each model's float32, float16 and uint8 exports: size on
 * a log axis (the models differ 20-fold), the shipped variant drawn filled.
 */
export function weightVariantsSpec(models: readonly Pick<ModelMetadata, 'id' | 'displayName' | 'training' | 'weights'>[]): TopLevelSpec {
  return {
    ...chartHeader(variantPoints(models), { width: 420, height: 220 }),
    encoding: {
      x: { field: 'kib', type: 'quantitative', title: 'Weights (KiB, log scale)', scale: { type: 'log' } },
      y: { field: 'testAccuracy', type: 'quantitative', title: 'Test accuracy', scale: { zero: false, padding: 12 }, axis: { format: '.1%' } },
      color: { field: 'model', type: 'nominal', title: null, scale: { domain: models.map((m) => m.displayName), range: seriesColours(models) }, legend: { orient: 'bottom' } },
    },
    layer: [
      {
        mark: { type: 'point', size: 90, strokeWidth: 2 },
        encoding: {
          shape: { field: 'dtype', type: 'nominal', sort: ['float32', 'float16', 'uint8'], legend: null },
          fill: { condition: { test: 'datum.shipped', field: 'model', type: 'nominal' }, value: 'white' },
          tooltip: [{ field: 'model' }, { field: 'dtype' }, { field: 'kib', format: ',.0f', title: 'KiB' }, { field: 'testAccuracy', format: '.2%' }, { field: 'shipped' }],
        },
      },
      { mark: { type: 'text', dy: -11, fontSize: 10 }, encoding: { text: { field: 'dtype', type: 'nominal' } } },
    ],
  };
}
