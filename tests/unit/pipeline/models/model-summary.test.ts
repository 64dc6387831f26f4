import { describe, expect, it } from 'vitest';
import { buildLenet5 } from '../../../../pipeline/models/build-lenet5.js';
import { formatShape, formatModelSummary, summarizeModel } from '../../../../pipeline/models/model-summary.js';
import { STANDARDIZATION } from './model-fixtures.js';

describe('model summary', () => {
  const model = buildLenet5({ standardization: STANDARDIZATION, seed: 1 });

  it('formats shapes as Keras does', () => {
    expect(formatShape([null, 28, 28, 1])).toBe('(None, 28, 28, 1)');
    expect(formatShape([null])).toBe('(None,)');
  });

  it('lists every layer with its type, output shape and parameter count, then the totals', () => {
    const text = formatModelSummary(model);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Model: "lenet5"');
    expect(lines[2]).toMatch(/^Layer \(type\)\s+Output Shape\s+Param #$/);
    expect(lines).toContainEqual(expect.stringMatching(/^c3 \(PartialConv2D\)\s+\(None, 10, 10, 16\)\s+1,516$/));
    expect(lines).toContainEqual(expect.stringMatching(/^standardize \(Standardize\)\s+\(None, 28, 28, 1\)\s+1,568$/));
    expect(text).toContain('Total params: 62,418\nTrainable params: 60,850\nNon-trainable params: 1,568');
    expect(lines.filter((l) => l.includes('(None'))).toHaveLength(summarizeModel(model).length);
  });

  it('returns rows for reuse (the report)', () => {
    expect(summarizeModel(model)[6]).toEqual({ name: 'c3', type: 'PartialConv2D', outputShape: [null, 10, 10, 16], params: 1516, trainableParams: 1516 });
  });
});
