import { join, resolve } from 'node:path';
import { IMAGE_PIXELS } from '../../core/class-names.js';
import { loadFashionMnist } from '../data/fashion-mnist.js';
import type { ImageSet } from '../data/image-set.js';
import { takeFirst } from '../data/take-first.js';
import { convertAsProductPhotos, type ProductPhotoSet } from '../eval/product-photo-accuracy.js';
import { renderProductPhoto } from '../eval/render-product-photo.js';
import { writeDirAtomically } from '../export/write-dir-atomically.js';
import { buildMetricsJson } from './build-metrics-json.js';
import { collectModelReport } from './collect-model-report.js';
import { findComparisonModels, findExportedModels } from './find-exported-models.js';
import type { RenderedChart } from './html/render-chart.js';
import type { ProductPhotoExample } from './html/render-product-photos.js';
import { renderPage } from './html/render-page.js';
import { lenet5OutputComparison } from './output-comparison.js';
import { renderChartSvg } from './render-chart-svg.js';
import { reportCharts } from './report-charts.js';

/** What writeReport needs besides the output folder. */
export interface WriteReportOptions {
  /** The test set, when the caller has the dataset loaded already (the pipeline); else it is loaded. */
  data?: { test: ImageSet; sha256?: Record<string, string> };
  /** Where to find Fashion-MNIST when `data` is not given (as the pipeline's --data-dir). */
  dataDir?: string;
  /** Use only the first n test images for the report's own figures (tests keep runs short). */
  testLimit?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** The files writeReport wrote. */
export interface WrittenReport {
  /** Absolute path of <outDir>/report/index.html. */
  indexPath: string;
  /** Absolute path of <outDir>/report/metrics.json. */
  metricsPath: string;
  /** Chart names; each was written as <name>.svg and sits inline in index.html. */
  charts: string[];
}

/** A few test images through the product-photo round trip, one per style. */
function photoExamples(photos: ProductPhotoSet): ProductPhotoExample[] {
  const { original, converted, styles } = photos;
  return Array.from({ length: Math.min(styles.length, original.count) }, (_, i) => {
    const pixels = original.images.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    return { index: i, label: original.labels[i]!, original: pixels, photo: renderProductPhoto(pixels, styles[i]!), converted: converted.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS) };
  });
}

/**
 * Writes <outDir>/report/{index.html, metrics.json, <chart>.svg} from the exported models in
 * <outDir>/models (their metadata and their shipped weights), the metadata of the comparison models in
 * <outDir>/comparisons (if any) and the Fashion-MNIST test set,
 * without training anything. index.html is one self-contained page (inline SVG charts, pictures as
 * data URIs, no scripts or fonts) that opens from disk. The folder is replaced atomically.
 * Throws a sentence saying what to run when there are no exported models.
 */
export async function writeReport(outDir: string, opts: WriteReportOptions = {}): Promise<WrittenReport> {
  const log = opts.log ?? (() => {});
  const exported = findExportedModels(outDir);
  const comparisons = findComparisonModels(outDir).map((m) => m.metadata);
  const data = opts.data ?? (await loadFashionMnist({ dataDir: opts.dataDir }));
  const test = opts.testLimit ? takeFirst(data.test, opts.testLimit) : data.test;

  let started = performance.now();
  const photos = convertAsProductPhotos(test);
  log(`Report: ${test.count.toLocaleString('en-US')} test images rendered as product photos and converted back in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const models = [];
  for (const model of exported) {
    started = performance.now();
    const report = await collectModelReport(model, photos);
    const p = report.productPhoto;
    log(`Report: ${model.metadata.id} (${model.metadata.weights.dtype}) ${(p.originalAccuracy * 100).toFixed(2)}% on test images, ${(p.productPhotoAccuracy * 100).toFixed(2)}% on product photos (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    models.push(report);
  }

  const outputComparison = lenet5OutputComparison(exported.map((m) => m.metadata), comparisons);
  const charts = new Map<string, RenderedChart>();
  for (const chart of reportCharts(models, outputComparison)) charts.set(chart.name, { caption: chart.caption, svg: await renderChartSvg(chart.spec, chart.name) });
  const generatedAt = new Date().toISOString();
  const sha = data.sha256?.['t10k-images-idx3-ubyte'];
  const datasetNote = `The report's own figures (galleries, product photos) use ${test.count.toLocaleString('en-US')} Fashion-MNIST test images${sha ? ` (t10k-images SHA-256 ${sha.slice(0, 12)}…)` : ''}.`;
  const html = renderPage({ models, outputComparison, charts, examples: photoExamples(photos), generatedAt, datasetNote });
  const metrics = buildMetricsJson(models, generatedAt, test.count, comparisons);

  const dir = join(outDir, 'report');
  const files: Record<string, string> = { 'index.html': html, 'metrics.json': JSON.stringify(metrics, null, 2) + '\n' };
  for (const [name, chart] of charts) files[`${name}.svg`] = chart.svg;
  writeDirAtomically(dir, files);
  return { indexPath: resolve(dir, 'index.html'), metricsPath: resolve(dir, 'metrics.json'), charts: [...charts.keys()] };
}
