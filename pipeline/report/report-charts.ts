import type { TopLevelSpec } from 'vega-lite';
import { confusionMatrixSpec } from './charts/confusion-matrix-spec.js';
import { perClassAccuracySpec } from './charts/per-class-accuracy-spec.js';
import { trainingCurvesSpec } from './charts/training-curves-spec.js';
import { validationAccuracySpec } from './charts/validation-accuracy-spec.js';
import { weightVariantsSpec } from './charts/weight-variants-spec.js';
import type { ModelMetadata } from '../../core/types.js';
import { outputLayerName } from './output-comparison.js';
import type { ModelReport } from './report-types.js';

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

/** Names of the charts comparing models. */
export const COMPARISON_CHARTS = {
  validationAccuracy: 'comparison-validation-accuracy',
  weightVariants: 'comparison-weight-variants',
  lenet5OutputValidation: 'lenet5-outputs-validation-accuracy',
  lenet5OutputPerClass: 'lenet5-outputs-per-class-accuracy',
} as const;

/**
 * Every chart of the report, pure data to spec: per model its training curves, confusion
 * matrix and per-class accuracy (test images beside product photos, both with the shipped
 * weights); across models the
 * validation accuracy per epoch and, once the models are quantized, accuracy against size per
 * weight dtype; and, after a --rbf run, LeNet-5's two output layers (`outputComparison`, see
 * lenet5OutputComparison): validation accuracy per epoch and test accuracy per class.
 */
export function reportCharts(models: readonly ModelReport[], outputComparison: readonly ModelMetadata[] = []): ReportChart[] {
  const charts: ReportChart[] = [];
  const metadata = models.map((m) => m.metadata);
  charts.push({ name: COMPARISON_CHARTS.validationAccuracy, caption: 'Validation accuracy per epoch, both models', spec: validationAccuracySpec(metadata) });
  if (metadata.some((m) => (m.weights.variants ?? []).length > 0)) {
    charts.push({ name: COMPARISON_CHARTS.weightVariants, caption: 'Test accuracy against weight size per dtype (filled: shipped)', spec: weightVariantsSpec(metadata) });
  }
  if (outputComparison.length > 1) {
    charts.push({ name: COMPARISON_CHARTS.lenet5OutputValidation, caption: "LeNet-5's output layers: validation accuracy per epoch", spec: validationAccuracySpec(outputComparison) });
    const perClass = Object.fromEntries(outputComparison.map((m) => [outputLayerName(m), m.metrics.perClassAccuracy]));
    charts.push({ name: COMPARISON_CHARTS.lenet5OutputPerClass, caption: "LeNet-5's output layers: test accuracy per class (float32 weights)", spec: perClassAccuracySpec(perClass) });
  }
  for (const m of models) {
    const names = modelChartNames(m.metadata.id);
    const name = m.metadata.displayName;
    charts.push({ name: names.trainingCurves, caption: `${name}: loss and accuracy per epoch, training and validation`, spec: trainingCurvesSpec(m.metadata.training.history) });
    charts.push({ name: names.confusionMatrix, caption: `${name}: confusion matrix on the test set (float32 weights, as trained)`, spec: confusionMatrixSpec(m.metadata.metrics.confusionMatrix) });
    charts.push({
      name: names.perClassAccuracy,
      caption: `${name}: accuracy per class on the test images and on the same images as product photos (shipped ${m.metadata.weights.dtype} weights, ${m.productPhoto.count.toLocaleString('en-US')} images)`,
      spec: perClassAccuracySpec({ 'Test images': m.productPhoto.originalPerClassAccuracy, 'Product photos': m.productPhoto.perClassAccuracy }),
    });
  }
  return charts;
}
