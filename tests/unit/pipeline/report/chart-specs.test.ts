import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../core/class-names.js';
import { confusionCells, confusionMatrixSpec } from '../../../../pipeline/report/charts/confusion-matrix-spec.js';
import { classAccuracyRows, perClassAccuracySpec } from '../../../../pipeline/report/charts/per-class-accuracy-spec.js';
import { trainingCurvePoints, trainingCurvesSpec } from '../../../../pipeline/report/charts/training-curves-spec.js';
import { validationAccuracySpec, validationPoints } from '../../../../pipeline/report/charts/validation-accuracy-spec.js';
import { variantPoints, weightVariantsSpec } from '../../../../pipeline/report/charts/weight-variants-spec.js';
import { renderChartSvg } from '../../../../pipeline/report/render-chart-svg.js';
import { chartMetadata, CONFUSION, HISTORY } from './report-fixtures.js';

/** The inline data of a spec (every chart carries its data; nothing is fetched). */
const valuesOf = (spec: TopLevelSpec) => ((spec as { data?: { values?: unknown[] } }).data?.values ?? []) as Record<string, unknown>[];

/** Compiles with vega-lite, failing on any warning (a warning means part of the chart was dropped). */
function compileStrict(spec: TopLevelSpec) {
  const warnings: string[] = [];
  const logger = { level: () => logger, warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger), info: () => logger, debug: () => logger, error: (...m: unknown[]) => (warnings.push(m.join(' ')), logger) };
  const compiled = compile(spec, { logger: logger as never });
  expect(warnings).toEqual([]);
  return compiled.spec;
}

describe('training curves', () => {
  it('has 4 points per epoch with the right values', () => {
    const points = trainingCurvePoints(HISTORY);
    expect(points).toHaveLength(12);
    expect(points).toContainEqual({ epoch: 2, metric: 'Loss', split: 'Validation', value: 0.38 });
    expect(points).toContainEqual({ epoch: 3, metric: 'Accuracy', split: 'Training', value: 0.88 });
    const spec = trainingCurvesSpec(HISTORY);
    expect(valuesOf(spec)).toEqual(points);
    compileStrict(spec);
  });
});

describe('confusion matrix', () => {
  it('has 100 cells in label order with counts and row shares', () => {
    const cells = confusionCells(CONFUSION);
    expect(cells).toHaveLength(100);
    expect(cells[0]).toEqual({ actual: 'T-shirt/top', predicted: 'T-shirt/top', count: 900, share: 0.9 });
    expect(cells[9]).toEqual({ actual: 'T-shirt/top', predicted: 'Ankle boot', count: 100, share: 0.1 });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(10_000);
    expect(confusionCells([[0, 0], [0, 0]]).every((c) => c.share === 0)).toBe(true); // an empty row is not NaN
    expect(valuesOf(confusionMatrixSpec(CONFUSION))).toEqual(cells);
    compileStrict(confusionMatrixSpec(CONFUSION));
  });
});

describe('per-class accuracy', () => {
  it('has one row per class per series', () => {
    const series = { 'Test images': CLASS_NAMES.map((_, i) => 0.5 + i / 40), 'Product photos': CLASS_NAMES.map(() => 0.7) };
    const rows = classAccuracyRows(series);
    expect(rows).toHaveLength(20);
    expect(rows[3]).toEqual({ className: 'Dress', input: 'Test images', accuracy: 0.5 + 3 / 40 });
    expect(rows[19]).toEqual({ className: 'Ankle boot', input: 'Product photos', accuracy: 0.7 });
    expect(valuesOf(perClassAccuracySpec(series))).toEqual(rows);
    compileStrict(perClassAccuracySpec(series));
  });
});

describe('comparison charts', () => {
  it('validation accuracy: one point per model per epoch', () => {
    const models = [chartMetadata('CNN'), chartMetadata('LeNet-5')];
    const points = validationPoints(models);
    expect(points).toHaveLength(6);
    expect(points).toContainEqual({ model: 'LeNet-5', epoch: 3, valAccuracy: 0.885 });
    expect(valuesOf(validationAccuracySpec(models))).toEqual(points);
    compileStrict(validationAccuracySpec(models));
  });

  it('weight variants: one point per measured variant, the shipped one marked', () => {
    const variants = [
      { dtype: 'float32' as const, weightBytes: 4096, testAccuracy: 0.9 },
      { dtype: 'uint8' as const, weightBytes: 1024, testAccuracy: 0.899 },
    ];
    const models = [chartMetadata('CNN', { weights: { dtype: 'uint8', variants } }), chartMetadata('LeNet-5')];
    const points = variantPoints(models);
    expect(points).toEqual([
      { model: 'CNN', dtype: 'float32', kib: 4, testAccuracy: 0.9, shipped: false },
      { model: 'CNN', dtype: 'uint8', kib: 1, testAccuracy: 0.899, shipped: true },
    ]);
    compileStrict(weightVariantsSpec(models));
  });
});

describe('renderChartSvg', () => {
  it('renders real marks, and prefixes ids so charts can share a page', async () => {
    const svg = await renderChartSvg(confusionMatrixSpec(CONFUSION), 'cm');
    expect(svg.startsWith('<svg')).toBe(true);
    // 100 cells drawn as paths, plus counts written as text.
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(100);
    expect(svg).toContain('>900<');
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.every((id) => id.startsWith('cm-'))).toBe(true);
    for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing fetched from the network
  });
});
