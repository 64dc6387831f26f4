import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderRecipes } from '../../../../pipeline/report/html/render-recipes.js';
import { renderRobustness } from '../../../../pipeline/report/html/render-robustness.js';
import { renderShopPhotos } from '../../../../pipeline/report/html/render-shop-photos.js';
import { recipePairs } from '../../../../pipeline/report/recipe-pairs.js';
import { checkedFixture, fixtureMetadata, SUITE } from './report-fixtures.js';

const shop = checkedFixture('models/cnn', fixtureMetadata({ displayName: 'CNN, shop recipe', mirrorAverage: true, augmentation: { mirrorProbability: 0.5, noiseProbability: 0.3, noiseSigmaMax: 22 } }), [[0, 6, 2], [6, 0, 2], [8, 7, 5], [8, 0, 1]], { count: 4, top1: 0.25, top3: 0.5 });
const seed = checkedFixture('comparisons/cnn-seed', fixtureMetadata({ displayName: 'CNN, seed recipe', recipe: 'seed', testAccuracy: 0.905 }), [[6, 2, 4], [0, 6, 2], [1, 3, 5], [8, 0, 1]]);
const older = checkedFixture('models/lenet5', fixtureMetadata({ id: 'lenet5', displayName: 'LeNet-5, old', recipe: 'seed' }), [[0, 1, 2], [0, 1, 2], [7, 1, 2], [8, 1, 2]]);

/** The text of the table cells of row `header` (tags stripped). */
function row(html: string, header: string): string[] {
  const tr = html.split('<tr>').find((r) => r.startsWith(`<th scope="row">${header}`));
  if (!tr) throw new Error(`no row ${header}`);
  return [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('the robustness section', () => {
  const html = renderRobustness([shop, seed, older], new Map());

  it('has a row per change with each export in its own mode in bold and the other mode below', () => {
    expect(html).toContain('<section id="robustness">');
    // models/cnn is mirror-averaged (0.88 on the mirror), the seed model alone (0.60).
    expect(row(html, 'mirrored left-right')).toEqual(['88.0% alone 60.0%', '60.0% with mirror 88.0%', '60.0% with mirror 88.0%']);
    expect(html).toContain('<td class="num"><b>88.0%</b><br><small>alone 60.0%</small></td>');
    // Mean of the two changes (mirror and noise), and the worst of them.
    expect(row(html, 'Mean of the 2 changes')).toEqual(['70.0% alone 55.0%', '55.0% with mirror 70.0%', '55.0% with mirror 70.0%']);
    expect(row(html, 'Worst change')).toEqual(['52.0% noise-20', '50.0% noise-20', '50.0% noise-20']);
  });

  it('says where the figures come from and how each export is run and why', () => {
    expect(html).toContain("Every export's figures are read from its <code>metadata.json</code> (<code>metrics.robustness</code>), which the pipeline records on the 10,000 test images");
    expect(html).toContain('<dt><code>models/cnn</code>: mirror-averaged</dt><dd>Fixture: mirror-averaged because the fixture says so.</dd>');
    expect(html).toContain('<dt><code>comparisons/cnn-seed</code>: image alone</dt>');
    expect(renderRobustness([], new Map())).toBe('');
    expect(html).not.toContain('was measured in');
  });

  it('keeps a change measured another way (same id, another description) in its own row, and says so', () => {
    const redefined = SUITE.map((r) => (r.change === 'mirror' ? { ...r, description: 'mirrored, another way', accuracy: 0.3 } : r));
    const newer = checkedFixture('comparisons/cnn-seed', fixtureMetadata({ recipe: 'seed', robustness: redefined }), [[0, 1, 2], [0, 1, 2], [7, 1, 2], [8, 1, 2]]);
    const html = renderRobustness([shop, newer], new Map());
    expect(row(html, 'mirrored left-right')).toEqual(['88.0% alone 60.0%', '—']);
    expect(row(html, 'mirrored, another way')).toEqual(['—', '30.0% with mirror 88.0%']);
    expect(html).toContain('The change <code>mirror</code> was measured in 2 ways, each its own row: “mirrored left-right” (<code>models/cnn</code>); “mirrored, another way” (<code>comparisons/cnn-seed</code>).');
    const recipes = renderRecipes(recipePairs([shop], [newer]), new Map());
    expect(row(recipes, 'Suite: mirrored left-right')).toEqual(['—', '88.0%', '']);
    expect(row(recipes, 'Suite: mirrored, another way')).toEqual(['30.0%', '—', '']);
    // The mean compares only the changes both were measured on (noise-20 here).
    expect(row(recipes, 'Suite: mean of the changes both were measured on')).toEqual(['50.0%', '52.0%', '+2.00 pts']);
  });
});

describe('the real photos section', () => {
  const thumbnail = { uri: 'data:image/png;base64,AAAA', width: 64, height: 48 };
  const html = renderShopPhotos([shop, seed], new Map([['7_Sneaker/c.png', thumbnail]]), new Map());

  it('says what the set is and is not', () => {
    expect(html).toContain('4 real catalogue photos');
    expect(html).toContain('3 classes are present: T-shirt/top 2, Sneaker 1, Bag 1.');
    expect(html).toContain('There are no Trouser, Pullover, Dress, Coat, Sandal, Shirt, Ankle boot photos: none with a licence that allows redistribution was found');
    expect(html).toContain('it is a check of how the models do on real photos, not a target');
  });

  it('gives top-1 and top-3 alone and mirror-averaged, the own mode highlighted, then per class in the own mode', () => {
    // models/cnn: alone 1/4 and 2/4; mirror-averaged (its mode) 2/4 and 4/4; T-shirt/top 1/2, 2/2; Sneaker 0/1, 1/1; Bag 1/1, 1/1.
    expect(row(html, 'CNN, shop recipe')).toEqual(['1/4 25%', '2/4 50%', '2/4 50%', '4/4 100%', '1/2', '2/2', '0/1', '1/1', '1/1', '1/1']);
    expect(html.split('<th scope="row">CNN, shop recipe')[1]!.split('</tr>')[0]!.match(/class="num own"/g)).toHaveLength(2);
    expect(html).toMatch(/<td class="num own">2\/4 <small>50%<\/small><\/td><td class="num own">4\/4/);
    expect(row(html, 'CNN, seed recipe').slice(0, 2)).toEqual(['2/4 50%', '2/4 50%']);
  });

  it('shows the photos some export got wrong with each export\'s top-3, and folds the ones all got right', () => {
    const [missed, folded] = html.split('<details>');
    // Photo 0 (models/cnn right, the seed model wrong), 1, 2 are missed by someone; photo 3 (Bag) by nobody.
    expect(missed).toContain('The 3 of 4 photos at least one export got wrong');
    expect(missed!.match(/<tr><th scope="row"><div class="pictures">/g)).toHaveLength(3);
    expect(folded).toContain('The 1 photos every export got right');
    expect(folded).toContain('<small>d.png</small>');
    // The Sneaker: models/cnn has it second (amber), the seed model not at all (red).
    const sneaker = missed!.split('<small>c.png</small>')[1]!.split('</tr>')[0]!;
    expect(sneaker).toContain('<td class="guesses top3"><ol><li class="wrong">Bag <span class="p">60%</span></li><li class="right">Sneaker');
    expect(sneaker).toContain('<td class="guesses miss"><ol><li class="wrong">Trouser');
    expect(missed).toContain(`<img class="thumb" src="${thumbnail.uri}" width="64" height="48"`);
    // Every photo's 28x28 input is drawn, pixel for pixel.
    const inputs = [...html.matchAll(/<img class="input" src="data:image\/png;base64,([^"]+)"/g)].map((m) => PNG.sync.read(Buffer.from(m[1]!, 'base64')));
    expect(inputs).toHaveLength(4);
    expect(inputs.map((png) => [png.width, png.height, png.data[0]])).toEqual([[28, 28, 1], [28, 28, 2], [28, 28, 3], [28, 28, 4]]);
  });
});

describe('the recipes side by side', () => {
  it('pairs models/<id> with comparisons/<id>-seed only', () => {
    expect(recipePairs([shop, older], [seed])).toEqual([{ id: 'cnn', shipped: shop, seed }]);
    expect(recipePairs([shop], [])).toEqual([]);
    expect(recipePairs([shop], [{ ...seed, folder: 'comparisons/lenet5-rbf' }])).toEqual([]);
  });

  it('gives training, test set, every change and the photos with the difference in points', () => {
    const html = renderRecipes(recipePairs([shop], [seed]), new Map());
    expect(row(html, 'Recipe')).toEqual(['seed', 'shop', '']);
    expect(row(html, 'Training augmentation')).toEqual(['none', 'yes: mirror 50%, noise 30% of images', '']);
    expect(row(html, 'Prediction mode')).toEqual(['image alone', 'mirror-averaged', '']);
    expect(row(html, 'Test set top-1 (float32 as trained)')).toEqual(['90.5%', '90.0%', '−0.50 pts']);
    expect(row(html, 'Suite: mirrored left-right')).toEqual(['60.0%', '88.0%', '+28.00 pts']);
    expect(row(html, 'Suite: mean of the changes both were measured on')).toEqual(['55.0%', '70.0%', '+15.00 pts']);
    expect(row(html, 'Real photos top-3 (4)')).toEqual(['50.0%', '100.0%', '+50.00 pts']);
    expect(html).not.toContain('class="warning"');
    expect(renderRecipes([], new Map())).toBe('');
  });

  it('warns when models/<id> is an older seed-recipe export', () => {
    const html = renderRecipes([{ id: 'cnn', shipped: { ...older, metadata: { ...older.metadata, id: 'cnn' } }, seed }], new Map());
    expect(html).toContain('<p class="warning"><code>models/lenet5</code> was trained with the seed recipe');
    expect(html).not.toContain('different test images');
    const computed = { ...shop, robustness: { ...shop.robustness, testImages: 500 } };
    expect(renderRecipes([{ id: 'cnn', shipped: computed, seed }], new Map())).toContain("The suite figures are on different test images (<code>comparisons/cnn-seed</code>'s on 10,000, <code>models/cnn</code>'s on 500)");
  });
});
