import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../../../pipeline/data/dataset-error.js';
import { loadFashionMnist, VALIDATION_COUNT, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { imagesIdx, put, REAL_DIR, syntheticDataset, tempDir } from './idx-fixtures.js';

const { dir: root, cleanup } = tempDir('load');
afterAll(cleanup);

function classCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

describe('loadFashionMnist on the real files', () => {
  let data: FashionMnist;
  beforeAll(async () => {
    data = await loadFashionMnist({ dataDir: REAL_DIR });
  });

  it('verifies and reports the published checksums', () => {
    expect(data.sha256).toEqual({
      'train-images-idx3-ubyte': 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
      'train-labels-idx1-ubyte': 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
      't10k-images-idx3-ubyte': '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
      't10k-labels-idx1-ubyte': '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
    });
    expect(data.source).toEqual({ how: 'flag', dir: REAL_DIR });
  });

  it('splits 55,000 / 5,000 / 10,000 as the seed does', () => {
    expect(VALIDATION_COUNT).toBe(5_000);
    for (const [set, count] of [
      [data.train, 55_000],
      [data.validation, 5_000],
      [data.test, 10_000],
    ] as const) {
      expect(set.count).toBe(count);
      expect(set.images.length).toBe(count * 784);
      expect(set.labels.length).toBe(count);
    }
  });

  it('takes validation from the end of the training file, as views of one buffer', () => {
    expect(data.validation.images.buffer).toBe(data.train.images.buffer);
    expect(data.validation.images.byteOffset).toBe(data.train.images.byteOffset + 55_000 * 784);
    expect(data.validation.labels.byteOffset).toBe(data.train.labels.byteOffset + 55_000);
  });

  it('has labels 0..9: every class in every split, 6,000 per class over the 60,000 and 1,000 in test', () => {
    const train = classCounts(data.train.labels);
    const validation = classCounts(data.validation.labels);
    expect(train.map((n, c) => n + validation[c]!)).toEqual(new Array(10).fill(6_000));
    expect(classCounts(data.test.labels)).toEqual(new Array(10).fill(1_000));
    expect(Math.min(...validation)).toBeGreaterThan(0);
    // classCounts would grow past 10 entries for a label above 9.
    expect([train.length, validation.length]).toEqual([10, 10]);
  });

  it('gives pixels 0..255 in Fashion-MNIST polarity (dark background: corner pixels mostly 0)', () => {
    let corners = 0;
    for (let i = 0; i < data.test.count; i++) corners += data.test.images[i * 784]!;
    expect(corners / data.test.count).toBeLessThan(1);
    expect(Math.max(...data.test.images.subarray(0, 784 * 10))).toBe(255);
  });
});

describe('loadFashionMnist on bad folders', () => {
  it('refuses an image/label count mismatch, naming both files', async () => {
    const dir = syntheticDataset(join(root, 'mismatch'), 3, 2);
    const error = await loadFashionMnist({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toBe(
      `${dir}/train-images-idx3-ubyte.gz holds 3 images but ${dir}/train-labels-idx1-ubyte holds 2 labels: they must come from the same set. ` +
        'Replace them with the published Fashion-MNIST files.',
    );
  });

  it('refuses well-formed files that are not the published ones (checksum mismatch)', async () => {
    const dir = syntheticDataset(join(root, 'not-published'), 3);
    await expect(loadFashionMnist({ dataDir: dir })).rejects.toThrow(
      new RegExp(`${dir}/train-images-idx3-ubyte\\.gz fails its checksum: its decompressed SHA-256 is [0-9a-f]{64}, the published train-images-idx3-ubyte has c59f468a.*delete it and get a fresh copy`),
    );
  });

  it('reports a broken file before a checksum problem elsewhere', async () => {
    const dir = syntheticDataset(join(root, 'broken'), 3);
    put(dir, 't10k-images-idx3-ubyte', imagesIdx(3).subarray(0, 100));
    await expect(loadFashionMnist({ dataDir: dir })).rejects.toThrow(/t10k-images-idx3-ubyte declares 3 images .* it is truncated/);
  });
});
