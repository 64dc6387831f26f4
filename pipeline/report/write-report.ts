import { join, resolve } from 'node:path';
import { IMAGE_PIXELS } from '../../core/model-contract.js';
import { loadFashionMnist } from '../data/fashion-mnist.js';
import type { ImageSet } from '../data/image-set.js';
import { takeFirst } from '../data/take-first.js';
import { convertAsProductPhotos, type ProductPhotoSet } from '../eval/product-photo-accuracy.js';
import { renderProductPhoto } from '../eval/render-product-photo.js';
import { loadShopPhotos, SHOP_PHOTOS_DIR, type ShopPhoto } from '../eval/shop-photos.js';
import { writeDirAtomically } from '../shared/write-dir-atomically.js';
import { stopIfAsked } from '../shared/stop-requested.js';
import { buildMetricsJson } from './build-metrics-json.js';
import { parseReportMetrics } from './metrics-json-schema.js';
import { collectCheckedModel, collectModelReport } from './collect-model-report.js';
import { findComparisonModels, findExportedModels, type ExportedModel } from './find-exported-models.js';
import type { RenderedChart } from './html/render-chart.js';
import { renderExplainedMistakes } from './html/render-explained-mistakes.js';
import { renderPage } from './html/render-page.js';
import { explainPhotoMistakes } from './explain-photo-mistakes.js';
import type { RoundTripExample } from './html/render-round-trip.js';
import { loadPhotoThumbnails } from './load-photo-thumbnails.js';
import { predictionModeName } from './model-label.js';
import { lenet5OutputComparison } from './output-comparison.js';
import { ownPhotos } from './own-mode.js';
import { recipePairs } from './recipe-pairs.js';
import { renderChartSvg } from './render-chart-svg.js';
import { reportCharts } from './report-charts.js';
import type { CheckedModel, ModelReport } from './report-types.js';

/** What writeReport needs besides the output folder. */
export interface WriteReportOptions {
  /** The test set, when the caller has the dataset loaded already (the pipeline); else it is loaded. */
  data?: { test: ImageSet; sha256?: Record<string, string> };
  /** Where to find Fashion-MNIST when `data` is not given (as the pipeline's --data-dir). */
  dataDir?: string;
  /** Use only the first n test images for the report's own figures (tests keep runs short). */
  testLimit?: number;
  /** The real product photos' folder (labels.tsv and the photos; default pipeline/data/shop-photos). */
  shopPhotosDir?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Asked between models and charts (Ctrl-C): a stop throws StopRequested before anything is written. */
  shouldStop?: () => boolean;
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

/** A few test images through the conversion's round trip, one per style. */
function roundTripExamples(photos: ProductPhotoSet): RoundTripExample[] {
  const { original, converted, styles } = photos;
  return Array.from({ length: Math.min(styles.length, original.count) }, (_, i) => {
    const pixels = original.images.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    return { index: i, label: original.labels[i]!, original: pixels, photo: renderProductPhoto(pixels, styles[i]!), converted: converted.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS) };
  });
}

/** One progress line for an export's checks. */
function checksLine(m: CheckedModel): string {
  const photos = ownPhotos(m.shopPhotos.metrics, m.metadata);
  return `Report: ${m.folder} (${predictionModeName(m.metadata)}): real photos top-1 ${Math.round(photos.top1 * photos.count)}/${photos.count}, top-3 ${Math.round(photos.top3 * photos.count)}/${photos.count}`;
}

/** What the report shows about each shipped model, one after another, each logged. */
async function collectShippedModels(exported: ExportedModel[], photos: ProductPhotoSet, shopPhotos: readonly ShopPhoto[], log: (line: string) => void, shouldStop?: () => boolean): Promise<ModelReport[]> {
  const models: ModelReport[] = [];
  for (const model of exported) {
    stopIfAsked(shouldStop, `the report's figures for ${model.folder}`);
    const started = performance.now();
    const report = await collectModelReport(model, photos, shopPhotos);
    const p = report.roundTrip;
    log(`Report: ${report.folder} (${model.metadata.weights.dtype}, ${predictionModeName(model.metadata)}) ${(p.originalAccuracy * 100).toFixed(2)}% on test images, ${(p.productPhotoAccuracy * 100).toFixed(2)}% after the conversion's round trip (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    log(checksLine(report));
    models.push(report);
  }
  return models;
}

/**
 * Writes <outDir>/report/{index.html, metrics.json, <chart>.svg} from the exported models in
 * <outDir>/models (their metadata and their shipped weights), the comparison exports in
 * <outDir>/comparisons (if any: the seed recipe, LeNet-5's RBF output), the project's real product
 * photos and the Fashion-MNIST test set, without training anything. Every export is run as its
 * metadata says it is meant to be (alone or mirror-averaged); its robustness-suite and real-photo
 * figures are read from its metadata.json. index.html is one self-contained page (inline SVG charts, pictures as
 * data URIs, no scripts or fonts) that opens from disk. The folder is replaced atomically; a stop
 * (opts.shouldStop) throws StopRequested before it is, leaving the old report as it was.
 * Throws a sentence saying what to run when there are no exported models.
 */
export async function writeReport(outDir: string, opts: WriteReportOptions = {}): Promise<WrittenReport> {
  const log = opts.log ?? (() => {});
  const exported = findExportedModels(outDir);
  const comparisonExports = findComparisonModels(outDir);
  const data = opts.data ?? (await loadFashionMnist({ dataDir: opts.dataDir }));
  const test = opts.testLimit ? takeFirst(data.test, opts.testLimit) : data.test;
  const shopPhotosDir = opts.shopPhotosDir ?? SHOP_PHOTOS_DIR;
  const shopPhotos = await loadShopPhotos(shopPhotosDir);

  const started = performance.now();
  const photos = convertAsProductPhotos(test);
  log(`Report: ${test.count.toLocaleString('en-US')} test images rendered as product photos and converted back in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const models = await collectShippedModels(exported, photos, shopPhotos, log, opts.shouldStop);
  const comparisons: CheckedModel[] = [];
  for (const model of comparisonExports) {
    stopIfAsked(opts.shouldStop, `the report's figures for ${model.folder}`);
    const checked = await collectCheckedModel(model, shopPhotos);
    log(checksLine(checked));
    comparisons.push(checked);
  }

  const pairs = recipePairs(models as CheckedModel[], comparisons);
  const outputComparison = lenet5OutputComparison(models, comparisons);
  const charts = new Map<string, RenderedChart>();
  for (const chart of reportCharts(models, comparisons, outputComparison)) {
    stopIfAsked(opts.shouldStop, `the report's chart ${chart.name}`);
    charts.set(chart.name, { caption: chart.caption, svg: await renderChartSvg(chart.spec, chart.name) });
  }
  const thumbnails = await loadPhotoThumbnails(shopPhotos.map((p) => p.file), shopPhotosDir);
  const generatedAt = new Date().toISOString();
  const sha = data.sha256?.['t10k-images-idx3-ubyte'];
  const datasetNote = `The report's own figures (galleries, the conversion's round trip) use ${test.count.toLocaleString('en-US')} Fashion-MNIST test images${sha ? ` (t10k-images SHA-256 ${sha.slice(0, 12)}…)` : ''}.`;
  const explained = [];
  for (const [i, model] of models.entries()) explained.push({ model, mistakes: await explainPhotoMistakes(exported[i]!, model.shopPhotos.perPhoto) });
  const explainedMistakes = renderExplainedMistakes(explained, thumbnails);
  const html = renderPage({ models, comparisons, recipePairs: pairs, outputComparison, charts, thumbnails, examples: roundTripExamples(photos), generatedAt, datasetNote, explainedMistakes });
  const metrics = parseReportMetrics(buildMetricsJson(models, generatedAt, test.count, comparisons));

  const dir = join(outDir, 'report');
  const files: Record<string, string> = { 'index.html': html, 'metrics.json': JSON.stringify(metrics, null, 2) + '\n' };
  for (const [name, chart] of charts) files[`${name}.svg`] = chart.svg;
  stopIfAsked(opts.shouldStop, `${dir} was written`);
  writeDirAtomically(dir, files);
  return { indexPath: resolve(dir, 'index.html'), metricsPath: resolve(dir, 'metrics.json'), charts: [...charts.keys()] };
}
