import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../../../core/types.js';
import { renderOutputComparison } from '../../../../pipeline/report/html/render-output-comparison.js';
import { lenet5OutputComparison, outputLayerName, settingsDifferences } from '../../../../pipeline/report/output-comparison.js';
import { reportCharts } from '../../../../pipeline/report/report-charts.js';

const read = (id: string) => JSON.parse(readFileSync(`artifacts/models/${id}/metadata.json`, 'utf8')) as ModelMetadata;
const lenet5 = read('lenet5');
const cnn = read('cnn');
const rbf: ModelMetadata = {
  ...lenet5,
  displayName: 'LeNet-5, RBF output',
  trainableParams: 60_000,
  metrics: { ...lenet5.metrics, testAccuracy: 0.8712 },
  training: { ...lenet5.training, loss: 'euclidean-rbf', history: lenet5.training.history.map((h, i) => ({ ...h, valAccuracy: i === 3 ? 0.95 : 0.8 })) },
};

describe("the report's LeNet-5 output comparison", () => {
  it('pairs the shipped LeNet-5 with its comparison exports, and is empty without them', () => {
    expect(lenet5OutputComparison([cnn, lenet5], [rbf])).toEqual([lenet5, rbf]);
    expect(lenet5OutputComparison([cnn, lenet5], [])).toEqual([]);
    expect(lenet5OutputComparison([cnn], [rbf])).toEqual([]);
    expect(outputLayerName(lenet5)).toBe('softmax; cross-entropy');
    expect(outputLayerName(rbf)).toBe('RBF units, fixed 7x12 codes; Euclidean loss');
  });

  it('renders one row per output layer with its figures, and nothing without a comparison', () => {
    const html = renderOutputComparison([lenet5, rbf], new Map());
    expect(html).toContain('<section id="lenet5-outputs">');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2);
    expect(html).toContain('<td class="num">87.12%</td>');
    expect(html).toContain('<td class="num">60,000</td>');
    expect(html).toContain('95.00% <small>(epoch 4)</small>');
    expect(renderOutputComparison([lenet5], new Map())).toBe('');
    expect(html).not.toContain('class="warning"');
  });

  it('warns when the comparison was not trained like the shipped model (an older export left in place)', () => {
    const older: ModelMetadata = { ...rbf, training: { ...rbf.training, epochs: 1, seed: 7, optimizer: { name: 'Nadam', learningRate: 1e-3 } } };
    expect(settingsDifferences(lenet5, rbf)).toEqual([]);
    expect(settingsDifferences(lenet5, older)).toEqual(['epochs 1 against 20', 'seed 7 against 42', 'another optimizer or schedule']);
    const html = renderOutputComparison([lenet5, older], new Map());
    expect(html).toContain('<p class="warning">LeNet-5, RBF output was not trained like the shipped LeNet-5 (epochs 1 against 20; seed 7 against 42; another optimizer or schedule)');
    expect(html).toContain('npm run pipeline -- --models lenet5 --rbf');
  });

  it('adds the two comparison charts only when there is a comparison', () => {
    const names = (comparison: ModelMetadata[]) => reportCharts([], comparison).map((c) => c.name);
    expect(names([lenet5, rbf])).toEqual(expect.arrayContaining(['lenet5-outputs-validation-accuracy', 'lenet5-outputs-per-class-accuracy']));
    expect(names([])).not.toContain('lenet5-outputs-validation-accuracy');
  });
});
