import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../../../../core/types.js';
import { renderOutputComparison } from '../../../../pipeline/report/html/render-output-comparison.js';
import { lenet5OutputComparison, outputLayerName, settingsDifferences, type ComparedExport } from '../../../../pipeline/report/output-comparison.js';
import { reportCharts } from '../../../../pipeline/report/report-charts.js';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ModelMetadata;
/** A seed-recipe softmax LeNet-5 with pinned settings (the committed export's figures, whatever it was retrained with). */
const lenet5Metadata: ModelMetadata = (() => {
  const m = read('artifacts/comparisons/lenet5-seed/metadata.json');
  return { ...m, training: { ...m.training!, recipe: 'seed', epochs: 20, batchSize: 32, seed: 42, loss: 'cross-entropy' } };
})();
const lenet5Seed: ComparedExport = { folder: 'comparisons/lenet5-seed', metadata: lenet5Metadata };
const lenet5Shop: ComparedExport = { folder: 'models/lenet5', metadata: { ...lenet5Metadata, displayName: 'LeNet-5, shop recipe', training: { ...lenet5Metadata.training!, recipe: 'shop' as const, epochs: 30 } } };
const cnn: ComparedExport = { folder: 'models/cnn', metadata: { ...read('artifacts/comparisons/cnn-seed/metadata.json'), id: 'cnn' as const } };
const rbf: ComparedExport = {
  folder: 'comparisons/lenet5-rbf',
  metadata: {
    ...lenet5Metadata,
    displayName: 'LeNet-5, RBF output',
    trainableParams: 60_000,
    metrics: { ...lenet5Metadata.metrics, testAccuracy: 0.8712 },
    training: { ...lenet5Metadata.training!, loss: 'euclidean-rbf' as const, history: lenet5Metadata.training!.history.map((h, i) => ({ ...h, valAccuracy: i === 3 ? 0.95 : 0.8 })) },
  },
};

describe("the report's LeNet-5 output comparison", () => {
  it('pairs the RBF export with a softmax LeNet-5 trained like it, and is empty without one', () => {
    // The shipped LeNet-5 is the shop recipe; the RBF is the seed's: the seed comparison is the like-for-like one.
    expect(lenet5OutputComparison([cnn, lenet5Shop], [lenet5Seed, rbf])).toEqual([lenet5Seed, rbf]);
    expect(lenet5OutputComparison([cnn, lenet5Shop], [rbf, lenet5Seed])).toEqual([lenet5Seed, rbf]);
    // Without a seed comparison it falls back to the shipped LeNet-5 (and the page warns).
    expect(lenet5OutputComparison([cnn, lenet5Shop], [rbf])).toEqual([lenet5Shop, rbf]);
    expect(lenet5OutputComparison([cnn, lenet5Shop], [lenet5Seed])).toEqual([]);
    expect(lenet5OutputComparison([cnn], [rbf])).toEqual([]);
    expect(outputLayerName(lenet5Metadata)).toBe('softmax; cross-entropy');
    expect(outputLayerName(rbf.metadata)).toBe('RBF units, fixed 7x12 codes; Euclidean loss');
  });

  it('renders one row per output layer with its figures and folder, and nothing without a comparison', () => {
    const html = renderOutputComparison([lenet5Seed, rbf], new Map());
    expect(html).toContain('<section id="lenet5-outputs">');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2);
    expect(html).toContain('<small>comparisons/lenet5-rbf</small>');
    expect(html).toContain('<td class="num">87.12%</td>');
    expect(html).toContain('<td class="num">60,000</td>');
    expect(html).toContain('95.00% <small>(epoch 4)</small>');
    expect(html).toContain('recipe (seed)');
    expect(renderOutputComparison([lenet5Seed], new Map())).toBe('');
    expect(html).not.toContain('class="warning"');
  });

  it('warns when the comparison was not trained like its softmax model (another recipe, an older export left in place)', () => {
    const older = { ...rbf, metadata: { ...rbf.metadata, training: { ...rbf.metadata.training!, epochs: 1, seed: 7, optimizer: { name: 'Nadam', learningRate: 1e-3 } } } };
    expect(settingsDifferences(lenet5Metadata, rbf.metadata)).toEqual([]);
    expect(settingsDifferences(lenet5Metadata, older.metadata)).toEqual(['epochs 1 against 20', 'seed 7 against 42', 'another optimizer or schedule']);
    expect(settingsDifferences(lenet5Shop.metadata, rbf.metadata)).toEqual(['the seed recipe against the shop recipe', 'epochs 20 against 30']);
    const html = renderOutputComparison([lenet5Seed, older], new Map());
    expect(html).toContain('<p class="warning">LeNet-5, RBF output was not trained like the softmax LeNet-5 in comparisons/lenet5-seed (epochs 1 against 20; seed 7 against 42; another optimizer or schedule)');
    expect(html).toContain('npm run pipeline -- --recipe seed --models lenet5 --rbf');
  });

  it('adds the two comparison charts only when there is a comparison', () => {
    const names = (comparison: ComparedExport[]) => reportCharts([], [], comparison).map((c) => c.name);
    expect(names([lenet5Seed, rbf])).toEqual(expect.arrayContaining(['lenet5-outputs-validation-accuracy', 'lenet5-outputs-per-class-accuracy']));
    expect(names([])).not.toContain('lenet5-outputs-validation-accuracy');
  });
});
