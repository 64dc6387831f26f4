/**
 * The committed training report (artifacts/report) rendered in real headless Chromium from disk:
 * every chart is there and drawn, every picture decodes (test images, the real photos and the
 * inputs the models saw), nothing is fetched from the network, the sections come in order, and
 * metrics.json agrees with each exported model's metadata.json and each comparison export's
 * (seed recipe, --rbf), the robustness suite and real-photo figures verbatim. Needs nothing from the e2e
 * global setup: it launches Debian's Chromium itself. REPORT_ARTIFACTS_DIR points it at another
 * output root (a `--out` folder of the pipeline) instead of artifacts/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import type { ReportMetrics } from '../../pipeline/report/report-types.js';

/** Exported model folders under `dir` (each with a metadata.json), sorted. */
const exportFolders = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((d) => !d.startsWith('.') && existsSync(join(dir, d, 'metadata.json'))).sort() : []);

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(ROOT, process.env.REPORT_ARTIFACTS_DIR ?? 'artifacts');
const REPORT = join(ARTIFACTS, 'report');
const INDEX = join(REPORT, 'index.html');
const present = existsSync(INDEX);
if (!present) console.warn(`Skipping the report e2e test: ${INDEX} does not exist yet. Write it with \`npm run pipeline\` (or \`npm run report\` once models are exported).`);

/** What the page holds, measured in the browser. */
interface ChartInfo {
  id: string;
  width: number;
  height: number;
  /** Data marks (Vega's role-mark groups) with a drawn area or length. */
  drawnMarks: number;
}

describe.skipIf(!present)('the training report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const metrics = present ? (JSON.parse(readFileSync(join(REPORT, 'metrics.json'), 'utf8')) as ReportMetrics) : undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: false, // the flag below asks for new headless; Playwright's own would pick the old one
      args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(pathToFileURL(INDEX).href, { waitUntil: 'load' });
  });
  afterAll(async () => browser?.close());

  it('draws every chart: one inline figure per .svg file, each with visible data marks', async () => {
    const svgFiles = readdirSync(REPORT).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)).sort();
    const expected = ['comparison-validation-accuracy', 'robustness-suite', 'shop-photos-accuracy', ...metrics!.models.flatMap((m) => ['training-curves', 'confusion-matrix', 'per-class-accuracy'].map((c) => `${m.metadata.id}-${c}`))];
    if (metrics!.models.some((m) => m.quantization.length > 0)) expected.push('comparison-weight-variants');
    const rbfCompared = metrics!.comparisons.some((c) => c.metadata.training?.loss === 'euclidean-rbf') && [...metrics!.models, ...metrics!.comparisons].some((m) => m.metadata.id === 'lenet5' && m.metadata.training?.loss !== 'euclidean-rbf');
    if (rbfCompared) expected.push('lenet5-outputs-validation-accuracy', 'lenet5-outputs-per-class-accuracy');
    // The two recipes side by side for each architecture with both models/<id> and comparisons/<id>-seed.
    for (const m of metrics!.models) if (metrics!.comparisons.some((c) => c.folder === `comparisons/${m.metadata.id}-seed`)) expected.push(`recipes-${m.metadata.id}`);
    expect(svgFiles).toEqual(expected.sort());

    const charts: ChartInfo[] = await page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const marks = svg ? [...svg.querySelectorAll('g.role-mark path, g.role-mark rect, g.role-mark line, g.role-mark text')] : [];
        const drawnMarks = marks.filter((m) => {
          const b = (m as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return m.tagName === 'text' ? b.width > 0 && (m.textContent ?? '').trim() !== '' : b.width > 0 || b.height > 0;
        }).length;
        return { id: figure.id, width: box?.width ?? 0, height: box?.height ?? 0, drawnMarks };
      }),
    );
    expect(charts.map((c) => c.id).sort()).toEqual(svgFiles);
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.height, chart.id).toBeGreaterThan(100);
      expect(chart.drawnMarks, `${chart.id} has drawn data marks`).toBeGreaterThan(chart.id.endsWith('confusion-matrix') ? 100 : 1);
    }
  });

  it('shows every picture, fetches nothing from the network and logs no errors', async () => {
    const images = await page.$$eval('img', (imgs) => imgs.map((img) => ({ alt: img.alt, complete: img.complete, width: img.naturalWidth, height: img.naturalHeight })));
    // Per model: 10 first test images (+ up to 16 mistakes); then the product-photo round trips.
    expect(images.length).toBeGreaterThanOrEqual(metrics!.models.length * 10);
    for (const image of images) {
      expect(image.complete && image.width > 0 && image.height > 0, `${image.alt} decodes`).toBe(true);
    }
    // The galleries' test images (the real-photo mistakes' figures share their look, not their size).
    const samples = await page.$$eval('figure.sample.correct img, figure.sample.mistake img', (imgs) => imgs.map((img) => [img.naturalWidth, img.naturalHeight]));
    expect(samples.length).toBeGreaterThanOrEqual(metrics!.models.length * 10);
    expect(samples.every(([w, h]) => w === 28 && h === 28)).toBe(true);
    // Each real photo: a thumbnail and the 28x28 input the models saw.
    const photos = metrics!.models[0]!.shopPhotos.perPhoto.length;
    expect(photos).toBeGreaterThan(0);
    const inputs = await page.$$eval('img.input', (imgs) => imgs.map((img) => [img.naturalWidth, img.naturalHeight]));
    expect(inputs).toHaveLength(photos);
    expect(inputs.every(([w, h]) => w === 28 && h === 28)).toBe(true);
    const thumbs = await page.$$eval('img.thumb', (imgs) => imgs.map((img) => Math.max(img.naturalWidth, img.naturalHeight)));
    expect(thumbs).toHaveLength(photos);
    expect(thumbs.every((edge) => edge > 16 && edge <= 96)).toBe(true);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('puts the suite and the real photos before the conversion\'s round trip, and names it for what it is', async () => {
    const sections = await page.$$eval('main > section', (all) => all.map((s) => s.id));
    const at = (id: string) => sections.indexOf(id);
    expect(at('comparison')).toBe(0);
    expect(at('robustness')).toBe(1);
    expect(at('shop-photos')).toBe(2);
    expect(at('round-trip')).toBeGreaterThan(at('shop-photos'));
    // Then what the models look at when they get a real photo wrong, then the recipes.
    expect(at('why-mistakes')).toBe(3);
    if (sections.includes('recipes')) expect(at('recipes')).toBe(4);
    expect(await page.locator('#round-trip h2').innerText()).toBe("The conversion's round trip (test images, not real photos)");
    expect(await page.locator('#shop-photos').innerText()).toContain('not a target');
  });

  it('agrees with each model\'s and each comparison\'s metadata.json, and the page shows those figures', async () => {
    const text = await page.locator('body').innerText();
    const robustnessTable = await page.locator('table.robustness').innerText();
    const checkAgainstDisk = (m: ReportMetrics['comparisons'][number], dir: string) => {
      const path = join(dir, 'metadata.json');
      const onDisk = parseModelMetadata(JSON.parse(readFileSync(path, 'utf8')), path);
      expect(m.metadata, `${path} matches metrics.json`).toEqual(onDisk);
      expect(text).toContain(onDisk.displayName);
      // The suite and the photos: verbatim from metadata.json.
      expect(m.robustness).toMatchObject({ results: onDisk.metrics.robustness });
      expect(m.shopPhotos).toMatchObject({ metrics: onDisk.metrics.shopPhotos });
      expect(m.robustness.results.length).toBeGreaterThan(1);
      const mirrored = onDisk.prediction.mirrorAverage;
      for (const r of m.robustness.results) expect(robustnessTable).toContain(`${((mirrored ? r.mirrorAveragedAccuracy : r.accuracy) * 100).toFixed(1)}%`);
      expect(m.shopPhotos.perPhoto).toHaveLength(m.shopPhotos.metrics.overall.count);
      const own = mirrored ? m.shopPhotos.metrics.mirrorAveraged : m.shopPhotos.metrics.overall;
      expect(m.shopPhotos.perPhoto.filter((p) => p.correctTop1)).toHaveLength(Math.round(own.top1 * own.count));
      return onDisk;
    };
    const exported = exportFolders(join(ARTIFACTS, 'models'));
    expect(metrics!.models.map((m) => m.metadata.id).sort()).toEqual(exported);
    for (const m of metrics!.models) {
      expect(m.folder).toBe(`models/${m.metadata.id}`);
      const onDisk = checkAgainstDisk(m, join(ARTIFACTS, m.folder));
      expect(m.quantization).toEqual(onDisk.weights.variants ?? []);
      expect(m.shippedDtype).toBe(onDisk.weights.dtype);
      const shipped = onDisk.weights.variants?.find((v) => v.dtype === onDisk.weights.dtype);
      if (shipped) expect(m.shippedWeightBytes).toBe(shipped.weightBytes);
      expect(text).toContain(`${(onDisk.metrics.testAccuracy * 100).toFixed(2)}%`);
      expect(text).toContain(onDisk.trainableParams.toLocaleString('en-US'));
    }
    // The comparison exports (seed recipe, --rbf): checked the same way.
    const compared = exportFolders(join(ARTIFACTS, 'comparisons'));
    expect(metrics!.comparisons.map((c) => c.folder).sort()).toEqual(compared.map((d) => `comparisons/${d}`));
    for (const c of metrics!.comparisons) checkAgainstDisk(c, join(ARTIFACTS, c.folder));
  });
});
