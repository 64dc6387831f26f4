import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { quantizeAndChoose } from '../../../../pipeline/export/quantize-and-choose.js';
import { NoExportedModelsError } from '../../../../pipeline/report/find-exported-models.js';
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
    // The pipeline quantizes every export: 3 charts per model, the validation and the weight-variant comparisons.
    expect(written.charts.sort()).toEqual([
      'cnn-confusion-matrix', 'cnn-per-class-accuracy', 'cnn-training-curves', 'comparison-validation-accuracy', 'comparison-weight-variants',
      'lenet5-confusion-matrix', 'lenet5-per-class-accuracy', 'lenet5-training-curves',
    ]);
    expect(lines.join('\n')).toMatch(/lenet5 \((float32|float16|uint8)\) \d+\.\d+% on test images, \d+\.\d+% on product photos/);

    const metrics = JSON.parse(read('report', 'metrics.json')) as ReportMetrics;
    expect(metrics.testImages).toBe(200);
    expect(metrics.models.map((m) => m.metadata.id)).toEqual(['cnn', 'lenet5']);
    for (const m of metrics.models) {
      expect(m.metadata).toEqual(JSON.parse(read('models', m.metadata.id, 'metadata.json')));
      expect(m.params.trainable).toBe(m.metadata.trainableParams);
      expect(m.firstPredictions).toHaveLength(10);
      expect(m.firstPredictions[0]!.top).toHaveLength(3);
      expect(m.confidentMistakes.length).toBeGreaterThan(0);
      expect(m.productPhoto.count).toBe(200);
      expect(m.architecture[0]!.type).toBe('Standardize');
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
    // It opens from disk: no scripts, no remote resources.
    expect(html).not.toMatch(/<script|<link|@import|url\(http/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('shows the weight variants as re-measured by quantizeAndChoose on other test images', async () => {
    const test = takeFirst(data.test, 200);
    for (const id of ['cnn', 'lenet5'] as const) await quantizeAndChoose(out, id, { test });
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

  it('says what to run when there are no models, from the function and from `npm run report`', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'fashion-lens-report-empty-'));
    try {
      await expect(writeReport(empty, { data })).rejects.toThrow(NoExportedModelsError);
      await expect(writeReport(empty, { data })).rejects.toThrow(/no exported models in .*models.*npm run pipeline/);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/report/cli.ts', '--out', empty], { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`There are no exported models in ${join(empty, 'models')}`);
      expect(cli.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
      expect(existsSync(join(empty, 'report'))).toBe(false);
      const bad = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/report/cli.ts', '--bogus'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('Usage: npm run report');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
