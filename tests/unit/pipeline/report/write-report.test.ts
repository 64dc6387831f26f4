import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { NoExportedModelsError } from '../../../../pipeline/report/find-exported-models.js';
import type { ModelMetadata } from '../../../../core/types.js';
import { parseShopPhotoLabels, SHOP_PHOTOS_DIR } from '../../../../pipeline/eval/shop-photos.js';
import type { ReportMetrics } from '../../../../pipeline/report/report-types.js';
import { writeReport } from '../../../../pipeline/report/write-report.js';
import { quickExport } from '../export/quantize-fixtures.js';

let out: string;
let data: FashionMnist;
beforeAll(async () => {
  out = quickExport('fashion-lens-report-');
  data = await loadFashionMnist();
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (...parts: string[]) => readFileSync(join(out, ...parts), 'utf8');

describe('writeReport on a real quick export', () => {
  it('writes index.html, metrics.json and one SVG per chart, and metrics.json agrees with each metadata.json', async () => {
    const lines: string[] = [];
    const written = await writeReport(out, { data, testLimit: 200, log: (l) => lines.push(l) });
    expect(written.indexPath).toBe(join(out, 'report', 'index.html'));
    const files = readdirSync(join(out, 'report')).sort();
    expect(files).toEqual(['index.html', 'metrics.json', ...written.charts.map((c) => `${c}.svg`)].sort());
    // The pipeline quantizes every export: 3 charts per model, the validation and the weight-variant
    // comparisons, the robustness suite and the real photos across exports (no comparisons here).
    expect(written.charts.sort()).toEqual([
      'cnn-confusion-matrix', 'cnn-per-class-accuracy', 'cnn-training-curves', 'comparison-validation-accuracy', 'comparison-weight-variants',
      'lenet5-confusion-matrix', 'lenet5-per-class-accuracy', 'lenet5-training-curves', 'robustness-suite', 'shop-photos-accuracy',
    ]);
    expect(lines.join('\n')).toMatch(/models\/lenet5 \((float32|float16|uint8), (image alone|mirror-averaged)\) \d+\.\d+% on test images, \d+\.\d+% after the conversion's round trip/);
    expect(lines.join('\n')).toMatch(/models\/cnn \((image alone|mirror-averaged)\): real photos top-1 \d+\/36, top-3 \d+\/36/);

    const metrics = JSON.parse(read('report', 'metrics.json')) as ReportMetrics;
    expect(metrics.testImages).toBe(200);
    expect(metrics.models.map((m) => m.metadata.id)).toEqual(['cnn', 'lenet5']);
    expect(metrics.comparisons).toEqual([]);
    const labels = parseShopPhotoLabels(readFileSync(join(SHOP_PHOTOS_DIR, 'labels.tsv'), 'utf8'), 'labels.tsv');
    for (const m of metrics.models) {
      const onDisk = JSON.parse(read('models', m.metadata.id, 'metadata.json')) as ModelMetadata;
      expect(m.metadata).toEqual(onDisk);
      expect(m.folder).toBe(`models/${m.metadata.id}`);
      expect(m.params.trainable).toBe(m.metadata.trainableParams);
      expect(m.firstPredictions).toHaveLength(10);
      expect(m.firstPredictions[0]!.top).toHaveLength(3);
      expect(m.confidentMistakes.length).toBeGreaterThan(0);
      expect(m.roundTrip.count).toBe(200);
      expect(m.architecture[0]!.type).toBe('Standardize');
      // The pipeline records the suite and the photos in metadata.json; metrics.json carries them verbatim.
      expect(onDisk.metrics.robustness, 'the pipeline records the suite').toBeDefined();
      expect(m.robustness).toEqual({ testImages: 100, results: onDisk.metrics.robustness });
      expect(m.shopPhotos.metrics).toEqual(onDisk.metrics.shopPhotos);
      expect(m.shopPhotos.disagreement).toBeUndefined();
      // Each photo's result (without its pixels), in labels.tsv order, consistent with the figures.
      expect(m.shopPhotos.perPhoto.map((p) => [p.file, p.label])).toEqual(labels.map((l) => [l.file, l.label]));
      expect(Object.keys(m.shopPhotos.perPhoto[0]!).sort()).toEqual(['correctTop1', 'correctTop3', 'file', 'label', 'top3']);
      for (const p of m.shopPhotos.perPhoto) {
        expect(p.top3).toHaveLength(3);
        expect(p.correctTop1).toBe(p.top3[0]!.index === p.label);
        expect(p.correctTop3).toBe(p.top3.some((t) => t.index === p.label));
      }
      const own = onDisk.prediction?.mirrorAverage ? onDisk.metrics.shopPhotos!.mirrorAveraged : onDisk.metrics.shopPhotos!.overall;
      expect(m.shopPhotos.perPhoto.filter((p) => p.correctTop1).length).toBe(Math.round(own.top1 * 36));
      expect(m.shopPhotos.perPhoto.filter((p) => p.correctTop3).length).toBe(Math.round(own.top3 * 36));
    }

    const html = read('report', 'index.html');
    for (const chart of written.charts) {
      const svg = read('report', `${chart}.svg`);
      expect(svg).toMatch(/^<svg[^>]+width="[1-9][\d.]*" height="[1-9][\d.]*"/);
      expect(html).toContain(`<figure class="chart" id="${chart}"><svg`);
    }
    // Everything a model section promises is there.
    for (const heading of ['Architecture', 'Training curves', 'Confusion matrix', 'Accuracy per class', 'The first 10 test images', 'Most confident mistakes']) {
      expect(html.split(`<h3>${heading}</h3>`).length - 1, heading).toBe(2);
    }
    expect(html.match(/<figure class="sample /g)!.length).toBeGreaterThanOrEqual(2 * 10 + 2);
    // The suite and the real photos come before the conversion's round trip, which says what it is.
    const at = (id: string) => html.search(new RegExp(`<section[^>]* id="${id}">`));
    expect(at('comparison')).toBeGreaterThan(0);
    expect(at('comparison')).toBeLessThan(at('robustness'));
    expect(at('robustness')).toBeLessThan(at('shop-photos'));
    expect(at('shop-photos')).toBeLessThan(at('round-trip'));
    // Issue 24: the real-photo mistakes with their maps follow the real photos.
    expect(at('shop-photos')).toBeLessThan(at('why-mistakes'));
    expect(at('why-mistakes')).toBeLessThan(at('round-trip'));
    expect(at('round-trip')).toBeLessThan(at('model-cnn'));
    expect(html).toContain("<h2>The conversion's round trip (test images, not real photos)</h2>");
    expect(html).not.toContain('<h2>Product photos</h2>');
    expect(html).not.toContain('<section id="recipes">');
    // Every photo drawn: a thumbnail and the 28x28 input.
    expect(html.match(/<img class="thumb" /g)).toHaveLength(36);
    expect(html.match(/<img class="input" /g)).toHaveLength(36);
    // It opens from disk: no scripts, no remote resources.
    expect(html).not.toMatch(/<script|<link|@import|url\(http/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('shows the weight variants the pipeline measured, as each metadata.json records them', async () => {
    const written = await writeReport(out, { data, testLimit: 200 });
    expect(written.charts).toContain('comparison-weight-variants');
    const metrics = JSON.parse(read('report', 'metrics.json')) as ReportMetrics;
    for (const m of metrics.models) {
      const onDisk = JSON.parse(read('models', m.metadata.id, 'metadata.json'));
      expect(m.metadata).toEqual(onDisk);
      expect(m.quantization).toEqual(onDisk.weights.variants);
      expect(m.shippedDtype).toBe(onDisk.weights.dtype);
      expect(m.shippedWeightBytes).toBe(onDisk.weights.variants.find((v: { dtype: string }) => v.dtype === onDisk.weights.dtype).weightBytes);
    }
    const html = read('report', 'index.html');
    expect(html).toContain('<table class="weights">');
    expect(html).not.toContain('Not quantized yet');
  });

  it('checks the comparison exports too and compares the recipes, with the figures each export recorded', async () => {
    // A seed-recipe comparison: the quick LeNet-5's weights under comparisons/lenet5-seed, run alone as the seed recipe runs it.
    const dir = join(out, 'comparisons', 'lenet5-seed');
    cpSync(join(out, 'models', 'lenet5'), dir, { recursive: true });
    const shipped = JSON.parse(read('models', 'lenet5', 'metadata.json')) as ModelMetadata;
    const seed: ModelMetadata = { ...shipped, displayName: 'LeNet-5, seed recipe (test)', training: { ...shipped.training!, recipe: 'seed' }, prediction: { mirrorAverage: false, why: 'test: alone' } };
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify(seed, null, 2));
    try {
      const lines: string[] = [];
      const written = await writeReport(out, { data, testLimit: 150, log: (l) => lines.push(l) });
      expect(written.charts).toContain('recipes-lenet5');
      expect(written.charts).not.toContain('recipes-cnn');
      expect(lines.join('\n')).toContain('comparisons/lenet5-seed (image alone): real photos top-1');

      const report = JSON.parse(read('report', 'metrics.json')) as ReportMetrics;
      expect(report.comparisons).toHaveLength(1);
      const c = report.comparisons[0]!;
      expect(c.folder).toBe('comparisons/lenet5-seed');
      expect(c.metadata).toEqual(seed);
      expect(c.robustness).toEqual({ testImages: 100, results: shipped.metrics.robustness });
      expect(c.shopPhotos.perPhoto).toHaveLength(36);
      // Same weights as models/lenet5: the photos give what the pipeline recorded, in both modes.
      expect(c.shopPhotos.metrics).toEqual(shipped.metrics.shopPhotos);
      expect(c.shopPhotos.disagreement).toBeUndefined();

      const html = read('report', 'index.html');
      const at = (id: string) => html.search(new RegExp(`<section[^>]* id="${id}">`));
      expect(at('shop-photos')).toBeGreaterThan(0);
      expect(at('shop-photos')).toBeLessThan(at('recipes'));
      expect(at('recipes')).toBeLessThan(at('round-trip'));
      expect(html).toContain("Every export's figures are read from its <code>metadata.json</code> (<code>metrics.robustness</code>), which the pipeline records on the 100 test images");
      expect(html).toContain('<figure class="chart" id="recipes-lenet5"><svg');
      expect(html).toContain('<th>Seed recipe<br><small>comparisons/lenet5-seed</small></th><th>Shipped<br><small>models/lenet5</small></th>');
      // One column per export in the photo table: 3 exports.
      expect(html.split('<table class="photo-results">')[1]!.split('</thead>')[0]!.match(/<th>/g)).toHaveLength(4);
    } finally {
      rmSync(join(out, 'comparisons'), { recursive: true, force: true });
    }
  });

  it('says what to run when there are no models, from the function and from `npm run report`', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'fashion-lens-report-empty-'));
    try {
      await expect(writeReport(empty, { data })).rejects.toThrow(NoExportedModelsError);
      await expect(writeReport(empty, { data })).rejects.toThrow(/no exported models in .*models.*npm run pipeline/);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/report.ts', '--out', empty], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`There are no exported models in ${join(empty, 'models')}`);
      expect(cli.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      expect(existsSync(join(empty, 'report'))).toBe(false);
      const bad = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/report.ts', '--bogus'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('Usage: npm run report');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
