import { describe, expect, it } from 'vitest';
import { LABEL_COLUMNS, parseShopPhotoLabels } from '../../../../../pipeline/eval/shop-photos/shop-photo-labels.js';

const header = LABEL_COLUMNS.join('\t');
const parse = (...lines: string[]) => parseShopPhotoLabels([header, ...lines].join('\n'), 'labels.tsv');

describe('parseShopPhotoLabels', () => {
  it('reads each line\'s file, class and source (CRLF and a trailing newline too)', () => {
    const tsv = `${header}\r\n8\tBag\t8_Bag/a.jpg\tspree/spree\td392\tsample/a.jpg\tBSD-3-Clause (licenses/spree-sample.txt)\r\n`;
    expect(parseShopPhotoLabels(tsv, 'labels.tsv')).toEqual([
      { file: '8_Bag/a.jpg', label: 8, source: { repository: 'spree/spree', commit: 'd392', path: 'sample/a.jpg', license: 'BSD-3-Clause (licenses/spree-sample.txt)' } },
    ]);
  });

  it.each([
    ['a wrong header', [], /labels\.tsv, line 1: the header is "class_index\\tfile"/, 'class_index\tfile'],
    ['a short line', ['8\tBag\t8_Bag/a.jpg'], /line 2: it has 3 fields, not 7/],
    ['an index out of range', ['10\tBag\t8_Bag/a.jpg\tr\tc\tp\tl'], /line 2: the class index "10" is not a whole number from 0 to 9/],
    ['a name not the index\'s', ['8\tBags\t8_Bag/a.jpg\tr\tc\tp\tl'], /line 2: class 8 is Bag, not "Bags"/],
    ['a path leaving the folder', ['8\tBag\t../a.jpg\tr\tc\tp\tl'], /line 2: the file "..\/a.jpg" is not a path inside the folder/],
    ['a file listed twice', ['8\tBag\ta.jpg\tr\tc\tp\tl', '8\tBag\ta.jpg\tr\tc\tp\tl'], /line 3: a.jpg is listed twice/],
  ])('refuses %s with the line and the expected columns', (_, lines, message, first = header) => {
    expect(() => parseShopPhotoLabels([first, ...lines].join('\n'), 'labels.tsv')).toThrow(message);
    expect(() => parseShopPhotoLabels([first, ...lines].join('\n'), 'labels.tsv')).toThrow(/Each line gives class_index, class_name, file, source_repository, source_commit, source_path, license, separated by tabs/);
  });

  it('accepts a file with no photos', () => {
    expect(parse()).toEqual([]);
  });
});
