import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../../pipeline/data/dataset-error.js';
import { parseIdx } from '../../../../pipeline/data/parse-idx.js';
import { idx, imagesIdx, labelsIdx } from './idx-fixtures.js';

describe('parseIdx', () => {
  it('returns views of the payload after the 16- and 8-byte headers', () => {
    const images = imagesIdx(2);
    const parsed = parseIdx(images, 'images', 'f');
    expect(parsed.count).toBe(2);
    expect(parsed.data.length).toBe(2 * 784);
    expect(parsed.data.buffer).toBe(images.buffer);
    expect(parsed.data.byteOffset).toBe(16);
    const labels = parseIdx(labelsIdx(3), 'labels', 'f');
    expect([labels.count, labels.data.byteOffset, [...labels.data]]).toEqual([3, 8, [8, 9, 0]]);
  });

  it('refuses a wrong magic number, naming the file and both numbers', () => {
    expect(() => parseIdx(idx(0x804, [2, 28, 28], 2 * 784), 'images', 'x.idx')).toThrow(/x\.idx has magic number 0x00000804, not 0x00000803 \(IDX images\)\. Replace it/);
    // A labels file where images belong is called out as a likely swap.
    expect(() => parseIdx(labelsIdx(16), 'images', 'x.idx')).toThrow(/0x00000801, not 0x00000803 .*are two files swapped/);
    expect(() => parseIdx(imagesIdx(1), 'labels', 'y.idx')).toThrow(/y\.idx has magic number 0x00000803, not 0x00000801/);
  });

  it('refuses images that are not 28x28', () => {
    expect(() => parseIdx(idx(0x803, [2, 32, 32], 2 * 1024), 'images', 'x.idx')).toThrow(/x\.idx holds 32x32 images, not 28x28/);
  });

  it('refuses a length that does not match the header (truncated or padded)', () => {
    const whole = imagesIdx(2);
    expect(() => parseIdx(whole.subarray(0, whole.length - 1), 'images', 'x.idx')).toThrow(/x\.idx declares 2 images \(1584 bytes\) but has 1583 bytes: it is truncated/);
    expect(() => parseIdx(idx(0x801, [3], 4), 'labels', 'x.idx')).toThrow(/declares 3 labels \(11 bytes\) but has 12 bytes: it has extra bytes/);
    expect(() => parseIdx(new Uint8Array(3), 'labels', 'x.idx')).toThrow(/x\.idx is too short to be an IDX labels file \(3 bytes/);
  });

  it('throws DatasetError so the CLI prints the sentence without a stack', () => {
    expect(() => parseIdx(new Uint8Array(20), 'images', 'x')).toThrow(DatasetError);
  });
});
