import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../core/model-contract.js';
import { confusionCells, confusionMatrixSpec } from '../../../../pipeline/report/charts/confusion-matrix-spec.js';
import { classAccuracyRows, perClassAccuracySpec } from '../../../../pipeline/report/charts/per-class-accuracy-spec.js';
import { trainingCurvePoints, trainingCurvesSpec } from '../../../../pipeline/report/charts/training-curves-spec.js';
import { validationAccuracySpec, validationPoints } from '../../../../pipeline/report/charts/validation-accuracy-spec.js';
import { variantPoints, weightVariantsSpec } from '../../../../pipeline/report/charts/weight-variants-spec.js';
import { groupedBarsSpec, lighten } from '../../../../pipeline/report/charts/grouped-bars-spec.js';
import { recipeBars, recipeComparisonSpec } from '../../../../pipeline/report/charts/recipe-comparison-spec.js';
import { robustnessBars, robustnessSpec } from '../../../../pipeline/report/charts/robustness-spec.js';
import { seriesColours } from '../../../../pipeline/report/charts/series-colours.js';
import { shopPhotoBars, shopPhotosSpec } from '../../../../pipeline/report/charts/shop-photos-spec.js';
import { renderChartSvg } from '../../../../pipeline/report/render-chart-svg.js';
import { estimateTextWidth } from '../../../../pipeline/report/text-width.js';
import { chartMetadata, checkedFixture, CONFUSION, fixtureMetadata, HISTORY } from './report-fixtures.js';

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
    const models = [chartMetadata('CNN'), chartMetadata('LeNet-5', { id: 'lenet5' })];
    const points = validationPoints(models);
    expect(points).toHaveLength(6);
    expect(points).toContainEqual({ model: 'LeNet-5', epoch: 3, valAccuracy: 0.885 });
    expect(valuesOf(validationAccuracySpec(models))).toEqual(points);
    compileStrict(validationAccuracySpec(models));
    // Each model in its colour of the other charts (CNN blue, LeNet-5 orange; light: the seed recipe), not by name order.
    const color = (validationAccuracySpec(models) as { encoding: { color: { scale: { domain: string[]; range: string[] } } } }).encoding.color.scale;
    expect(color).toEqual({ domain: ['CNN', 'LeNet-5'], range: seriesColours(models) });
    expect(color.range).toEqual(['#9ecae1', '#fdae6b']);
  });

  it('weight variants: one point per measured variant, the shipped one marked', () => {
    const variants = [
      { dtype: 'float32' as const, weightBytes: 4096, testAccuracy: 0.9 },
      { dtype: 'uint8' as const, weightBytes: 1024, testAccuracy: 0.899 },
    ];
    const models = [chartMetadata('CNN', { weights: { dtype: 'uint8', variants, sha256: 'f'.repeat(64) } }), chartMetadata('LeNet-5')];
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

describe('robustness, real-photo and recipe charts', () => {
  const shop = checkedFixture('models/cnn', fixtureMetadata({ mirrorAverage: true }), [[0, 6, 2], [6, 0, 2], [8, 7, 5], [8, 0, 1]], { count: 4, top1: 0.25, top3: 0.5 });
  const seed = checkedFixture('comparisons/cnn-seed', fixtureMetadata({ recipe: 'seed' }), [[6, 2, 4], [0, 6, 2], [1, 3, 5], [8, 0, 1]]);

  it('draws each export in its own mode: the mirror-averaged figure for a mirror-averaged model, the image alone otherwise', () => {
    const bars = robustnessBars([shop, seed]);
    expect(bars).toHaveLength(6);
    expect(bars[0]).toEqual({ category: 'test images as they are', series: 'models/cnn (shop recipe)', value: 0.91, text: '91.0%' });
    expect(bars.find((b) => b.series === 'models/cnn (shop recipe)' && b.category === 'mirrored left-right')!.value).toBe(0.88);
    expect(bars.find((b) => b.series === 'comparisons/cnn-seed (seed recipe)' && b.category === 'mirrored left-right')!.value).toBe(0.6);
    expect(valuesOf(robustnessSpec([shop, seed])).map((v) => v.value)).toEqual(bars.map((b) => b.value));
    compileStrict(robustnessSpec([shop, seed]));
  });

  it('puts all photos first, then each class present, top-1 as the bar and top-3 behind it', () => {
    const bars = shopPhotoBars([shop, seed]);
    expect(bars.map((b) => b.category)).toEqual(['All photos (4)', 'T-shirt/top (2)', 'Sneaker (1)', 'Bag (1)', 'All photos (4)', 'T-shirt/top (2)', 'Sneaker (1)', 'Bag (1)']);
    // models/cnn is mirror-averaged: its own mode is 2 of 4 right at top-1 (photos 0 and 3), 4 of 4 in the top 3.
    expect(bars[0]).toMatchObject({ series: 'models/cnn (shop recipe)', value: 0.5, outer: 1, text: '50% · top-3 100%' });
    expect(bars[1]).toMatchObject({ value: 0.5, outer: 1 });
    expect(bars[2]).toMatchObject({ category: 'Sneaker (1)', value: 0, outer: 1 });
    expect(bars[5]).toMatchObject({ series: 'comparisons/cnn-seed (seed recipe)', category: 'T-shirt/top (2)', value: 0.5, outer: 0.5 });
    compileStrict(shopPhotosSpec([shop, seed]));
  });

  it('compares the recipes: seed first, every suite change and the photos, each in its own mode', () => {
    const bars = recipeBars({ id: 'cnn', shipped: shop, seed });
    const rows = ['test images as they are', 'mirrored left-right', 'Gaussian noise, sigma 20, clipped', 'Real photos: top-1', 'Real photos: top-3'];
    expect(bars.map((b) => b.category)).toEqual([...rows, ...rows]);
    expect(bars.slice(0, 5).every((b) => b.series === 'comparisons/cnn-seed (seed recipe)')).toBe(true);
    expect(bars.slice(0, 5).map((b) => b.value)).toEqual([0.9, 0.6, 0.5, 0.5, 0.5]);
    expect(bars.slice(5).map((b) => b.value)).toEqual([0.91, 0.88, 0.52, 0.5, 1]);
    compileStrict(recipeComparisonSpec({ id: 'cnn', shipped: shop, seed }));
  });

  it('colours each architecture in one hue, darker for the shop recipe, never twice the same', () => {
    const m = (id: 'cnn' | 'lenet5', recipe: 'seed' | 'shop', rbf = false) => ({ id, training: { ...fixtureMetadata({ recipe }).training!, ...(rbf ? { loss: 'euclidean-rbf' as const } : {}) } });
    const colours = seriesColours([m('cnn', 'shop'), m('cnn', 'seed'), m('lenet5', 'shop'), m('lenet5', 'seed'), m('lenet5', 'seed', true)]);
    expect(new Set(colours).size).toBe(5);
    expect(colours[0]).toBe('#1f77b4');
    // An older seed-recipe export in models/ beside the seed comparison still gets its own colour.
    const twice = seriesColours([m('cnn', 'seed'), m('cnn', 'seed')]);
    expect(twice[0]).not.toBe(twice[1]);
  });

  it('draws the outer bar in a lighter shade and keeps it out of the legend', async () => {
    expect(lighten('#1f77b4', 0)).toBe('#1f77b4');
    expect(lighten('#1f77b4', 1)).toBe('#ffffff');
    expect(lighten('#000000', 0.5)).toBe('#808080');
    const spec = groupedBarsSpec({ bars: [{ category: 'a', series: 's', value: 0.2, outer: 0.6, text: 'x' }], categories: ['a'], series: ['s'], colours: ['#000000'], xTitle: 't' });
    compileStrict(spec);
    const svg = await renderChartSvg(spec, 'g');
    expect(svg).toContain('fill="#000000"');
    expect(svg).toContain('fill="#999999"');
    expect((svg.match(/role-legend-symbol/g) ?? []).length).toBeGreaterThan(0);
  });
});

describe('text widths for headless charts', () => {
  it('estimates widths from the font the page names, narrow letters narrower, bold wider', () => {
    expect(estimateTextWidth('iiii', 10)).toBeLessThan(estimateTextWidth('MMMM', 10));
    expect(estimateTextWidth('Sneaker', 11, true)).toBeGreaterThan(estimateTextWidth('Sneaker', 11));
    // About 6 px a character at 11 px (Vega's own estimate: 8.8), never less than DejaVu Sans' advance.
    const label = 'shrunk to 80% and centred (area-averaged)';
    expect(estimateTextWidth(label, 11)).toBeGreaterThan(0.55 * 11 * label.length);
    expect(estimateTextWidth(label, 11)).toBeLessThan(0.7 * 11 * label.length);
  });

  it('keeps a long axis label whole, where Vega\'s own estimate cut it', async () => {
    const label = 'shifted by a random -3..3 px in x and y';
    const spec = groupedBarsSpec({ bars: [{ category: label, series: 's', value: 0.5, text: '50%' }], categories: [label], series: ['s'], colours: ['#1f77b4'], xTitle: 't' });
    const svg = await renderChartSvg(spec, 'w');
    expect(svg).toContain(`>${label}</text>`);
  });
});
