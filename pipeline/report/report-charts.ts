import type { TopLevelSpec } from 'vega-lite';
import { confusionMatrixSpec } from './charts/confusion-matrix-spec.js';
import { perClassAccuracySpec } from './charts/per-class-accuracy-spec.js';
import { recipeComparisonSpec } from './charts/recipe-comparison-spec.js';
import { robustnessSpec } from './charts/robustness-spec.js';
import { shopPhotosSpec } from './charts/shop-photos-spec.js';
import { trainingCurvesSpec } from './charts/training-curves-spec.js';
import { validationAccuracySpec } from './charts/validation-accuracy-spec.js';
import { weightVariantsSpec } from './charts/weight-variants-spec.js';
import { outputLayerName, type ComparedExport } from './output-comparison.js';
import { recipePairs } from './recipe-pairs.js';
import type { CheckedModel, ModelReport } from './report-types.js';

/** One chart of the report: its file name stem (also its id in the page) and its spec. */
export interface ReportChart {
  /** File name without .svg, e.g. 'cnn-training-curves'; also the id of its figure in index.html. */
  name: string;
  /** What it shows (the figure's caption and the SVG's accessible title). */
  caption: string;
  spec: TopLevelSpec;
}

/** Names of a model's charts, so the page and the chart list agree. */
export const modelChartNames = (id: string) => ({
  trainingCurves: `${id}-training-curves`,
  confusionMatrix: `${id}-confusion-matrix`,
  perClassAccuracy: `${id}-per-class-accuracy`,
});

/** Name of the chart comparing the seed and shop recipes of model `id`. */
export const recipeChartName = (id: string) => `recipes-${id}`;

/** Names of the charts comparing models. */
export const COMPARISON_CHARTS = {
  validationAccuracy: 'comparison-validation-accuracy',
  weightVariants: 'comparison-weight-variants',
  robustness: 'robustness-suite',
  shopPhotos: 'shop-photos-accuracy',
  lenet5OutputValidation: 'lenet5-outputs-validation-accuracy',
  lenet5OutputPerClass: 'lenet5-outputs-per-class-accuracy',
} as const;

/**
 * Every chart of the report, pure data to spec. Across every export (shipped, then comparisons):
 * top-1 on each robustness-suite change and on the real photos, each in the model's own prediction
 * mode. Per architecture with a seed-recipe comparison: the two recipes side by side. Across shipped
 * models: validation accuracy per epoch and, once quantized, accuracy against size per weight dtype.
 * After a --rbf run, LeNet-5's two output layers (`outputComparison`, see lenet5OutputComparison).
 * Per shipped model: training curves, confusion matrix, and per-class accuracy on the test images
 * beside the conversion's round trip (shipped weights).
 */
export function reportCharts(models: readonly ModelReport[], comparisons: readonly CheckedModel[] = [], outputComparison: readonly ComparedExport[] = []): ReportChart[] {
  const charts: ReportChart[] = [];
  const all = [...models, ...comparisons];
  const metadata = models.map((m) => m.metadata);
  if (all.length > 0) {
    charts.push({ name: COMPARISON_CHARTS.robustness, caption: 'Top-1 on the test images under each change of the robustness suite, every export as it is meant to be run (alone or mirror-averaged)', spec: robustnessSpec(all) });
    charts.push({ name: COMPARISON_CHARTS.shopPhotos, caption: 'Real product photos right, overall and per class: top-1 dark, top-3 light, every export as it is meant to be run', spec: shopPhotosSpec(all) });
  }
  for (const pair of recipePairs(models, comparisons)) {
    charts.push({ name: recipeChartName(pair.id), caption: `${pair.shipped.metadata.displayName}: the seed recipe (${pair.seed.folder}) beside the shipped export (${pair.shipped.folder})`, spec: recipeComparisonSpec(pair) });
  }
  if (models.length > 0) charts.push({ name: COMPARISON_CHARTS.validationAccuracy, caption: 'Validation accuracy per epoch, shipped models', spec: validationAccuracySpec(metadata) });
  if (metadata.some((m) => (m.weights.variants ?? []).length > 0)) {
    charts.push({ name: COMPARISON_CHARTS.weightVariants, caption: 'Test accuracy against weight size per dtype (filled: shipped)', spec: weightVariantsSpec(metadata) });
  }
  if (outputComparison.length > 1) {
    const compared = outputComparison.map((m) => m.metadata);
    charts.push({ name: COMPARISON_CHARTS.lenet5OutputValidation, caption: "LeNet-5's output layers: validation accuracy per epoch", spec: validationAccuracySpec(compared) });
    const perClass = Object.fromEntries(compared.map((m) => [outputLayerName(m), m.metrics.perClassAccuracy]));
    charts.push({ name: COMPARISON_CHARTS.lenet5OutputPerClass, caption: "LeNet-5's output layers: test accuracy per class (float32 weights)", spec: perClassAccuracySpec(perClass) });
  }
  for (const m of models) {
    const names = modelChartNames(m.metadata.id);
    const name = m.metadata.displayName;
    if (m.metadata.training) charts.push({ name: names.trainingCurves, caption: `${name}: loss and accuracy per epoch, training and validation`, spec: trainingCurvesSpec(m.metadata.training.history) });
    charts.push({ name: names.confusionMatrix, caption: `${name}: confusion matrix on the test set (float32 weights as trained, run as it is meant to be)`, spec: confusionMatrixSpec(m.metadata.metrics.confusionMatrix) });
    charts.push({
      name: names.perClassAccuracy,
      caption: `${name}: accuracy per class on the test images and on the same images after the conversion's round trip (shipped ${m.metadata.weights.dtype} weights, as it is meant to be run, ${m.roundTrip.count.toLocaleString('en-US')} images)`,
      spec: perClassAccuracySpec({ 'Test images': m.roundTrip.originalPerClassAccuracy, 'Round trip (rendered as a photo, converted back)': m.roundTrip.perClassAccuracy }),
    });
  }
  return charts;
}
