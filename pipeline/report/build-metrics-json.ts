import type { CheckedModel, CheckedModelMetrics, ModelMetrics, ModelReport, ReportMetrics } from './report-types.js';

/** Gallery items without their pixels (the pictures are in index.html). */
const withoutPixels = (items: ModelReport['firstPredictions']) => items.map(({ index, label, top }) => ({ index, label, top }));

/** An export's checks as metrics.json holds them: figures verbatim, each photo's result without its pixels. */
function checkedMetrics(m: CheckedModel): CheckedModelMetrics {
  const { perPhoto, ...shopPhotos } = m.shopPhotos;
  return {
    folder: m.folder,
    metadata: m.metadata,
    robustness: m.robustness,
    shopPhotos: { ...shopPhotos, perPhoto: perPhoto.map(({ file, label, top3, correctTop1, correctTop3 }) => ({ file, label, top3, correctTop1, correctTop3 })) },
  };
}

/**
 * metrics.json: per shipped model its metadata.json verbatim plus the figures only the report
 * computes (quantization table, round trip, architecture, galleries), and for every export, shipped
 * or comparison, the robustness suite and the real photos (figures verbatim from metadata.json
 * where recorded, each photo's top-3). Pure; the quantization table is metadata.weights.variants
 * itself, so the two can never disagree.
 */
export function buildMetricsJson(models: readonly ModelReport[], generatedAt: string, testImages: number, comparisons: readonly CheckedModel[] = []): ReportMetrics {
  return {
    generatedAt,
    testImages,
    models: models.map(
      (m): ModelMetrics => ({
        ...checkedMetrics(m),
        shippedDtype: m.metadata.weights.dtype,
        shippedWeightBytes: m.shippedWeightBytes,
        quantization: m.metadata.weights.variants ?? [],
        roundTrip: { ...m.roundTrip, perStyle: m.roundTrip.perStyle.map((s) => ({ scale: s.style.scale, count: s.count, accuracy: s.accuracy })) },
        params: m.params,
        architecture: m.architecture,
        firstPredictions: withoutPixels(m.firstPredictions),
        confidentMistakes: withoutPixels(m.confidentMistakes),
      }),
    ),
    comparisons: comparisons.map(checkedMetrics),
  };
}
