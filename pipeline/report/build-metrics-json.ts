import type { ModelMetadata } from '../../core/types.js';
import type { ModelMetrics, ModelReport, ReportMetrics } from './report-types.js';

/** Gallery items without their pixels (the pictures are in index.html). */
const withoutPixels = (items: ModelReport['firstPredictions']) => items.map(({ index, label, top }) => ({ index, label, top }));

/**
 * metrics.json: per model its metadata.json verbatim plus the figures only the report computes
 * (quantization table, product-photo accuracy, architecture, galleries). Pure; the quantization
 * table is metadata.weights.variants itself, so the two can never disagree. `comparisons`: the
 * metadata of the models trained only for comparison (--rbf), verbatim.
 */
export function buildMetricsJson(models: readonly ModelReport[], generatedAt: string, testImages: number, comparisons: readonly ModelMetadata[] = []): ReportMetrics {
  return {
    generatedAt,
    testImages,
    comparisons: [...comparisons],
    models: models.map(
      (m): ModelMetrics => ({
        metadata: m.metadata,
        shippedDtype: m.metadata.weights.dtype,
        shippedWeightBytes: m.shippedWeightBytes,
        quantization: m.metadata.weights.variants ?? [],
        productPhoto: { ...m.productPhoto, perStyle: m.productPhoto.perStyle.map((s) => ({ scale: s.style.scale, count: s.count, accuracy: s.accuracy })) },
        params: m.params,
        architecture: m.architecture,
        firstPredictions: withoutPixels(m.firstPredictions),
        confidentMistakes: withoutPixels(m.confidentMistakes),
      }),
    ),
  };
}
