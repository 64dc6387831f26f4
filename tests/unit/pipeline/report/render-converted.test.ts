import { describe, expect, it } from 'vitest';
import { renderConverted } from '../../../../pipeline/report/html/render-converted.js';
import { checkedFixture, fixtureMetadata } from './report-fixtures.js';

// Issue 23: the report shows a model converted from Keras beside the same architecture trained by
// our pipeline with the seed recipe.

const guesses: [number, number, number][] = [
  [0, 6, 2],
  [6, 0, 2],
  [7, 5, 9],
  [8, 0, 6],
];

describe('renderConverted', () => {
  it('lists each converted model with its Keras file, beside the seed-recipe exports', () => {
    const { training: _, ...trainedFields } = fixtureMetadata({ displayName: 'Seed CNN trained by Keras', testAccuracy: 0.894 });
    const keras = checkedFixture('comparisons/keras-seed-cnn', { ...trainedFields, id: 'keras-seed-cnn', source: { format: 'keras', file: 'seed-cnn.keras', sha256: 'c'.repeat(64), kerasVersion: '2.15.0', input: 'seed' } }, guesses);
    const ours = checkedFixture('comparisons/cnn-seed', fixtureMetadata({ displayName: 'Seed CNN (Keras notebook)', recipe: 'seed', testAccuracy: 0.9065 }), guesses);
    const shipped = checkedFixture('models/cnn', fixtureMetadata({ displayName: 'Seed CNN, shop recipe', recipe: 'shop' }), guesses);
    const html = renderConverted([shipped, ours, keras]);
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Seed CNN trained by Keras<br><small>comparisons/keras-seed-cnn</small>');
    expect(rows[0]).toContain('converted from seed-cnn.keras (.keras zip, Keras 2.15.0, input seed)');
    expect(rows[0]).toContain('89.40%');
    expect(rows[1]).toContain('comparisons/cnn-seed');
    expect(rows[1]).toContain('trained by our pipeline (seed recipe, ');
    expect(rows[1]).toContain('90.65%');
    expect(renderConverted([shipped, ours])).toBe('');
  });
});
