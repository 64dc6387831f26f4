import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../../../pipeline/data/dataset-error.js';
import { readIdxFile } from '../../../../pipeline/data/read-idx-file.js';
import { sha256Hex } from '../../../../pipeline/shared/sha256-hex.js';
import { idx, labelsIdx, put, REAL_DIR, tempDir } from './idx-fixtures.js';

const { dir: root, cleanup } = tempDir('read-idx');
afterAll(cleanup);

describe('readIdxFile', () => {
  it('reads gzip and raw files alike, detecting gzip by its magic bytes, not the name', async () => {
    const labels = labelsIdx(7);
    put(join(root, 'gz'), 'train-labels-idx1-ubyte.gz', labels, true);
    put(join(root, 'raw'), 'train-labels-idx1-ubyte', labels);
    put(join(root, 'gz-named-raw'), 'train-labels-idx1-ubyte', labels, true);
    put(join(root, 'raw-named-gz'), 'train-labels-idx1-ubyte.gz', labels);
    for (const variant of ['gz', 'raw', 'gz-named-raw', 'raw-named-gz']) {
      const file = await readIdxFile(join(root, variant), 'train-labels-idx1-ubyte');
      expect([variant, file.count, [...file.data]]).toEqual([variant, 7, [8, 9, 0, 1, 2, 3, 4]]);
      expect(file.sha256).toBe(sha256Hex(labels));
    }
  });

  it('prefers <name>.gz when both forms are there', async () => {
    const dir = join(root, 'both');
    put(dir, 't10k-labels-idx1-ubyte', labelsIdx(1));
    const gz = put(dir, 't10k-labels-idx1-ubyte.gz', labelsIdx(2), true);
    expect(await readIdxFile(dir, 't10k-labels-idx1-ubyte')).toMatchObject({ path: gz, count: 2 });
  });

  it('names a truncated gzip and says what to do', async () => {
    const real = readFileSync(join(REAL_DIR, 't10k-labels-idx1-ubyte.gz'));
    const path = put(join(root, 'truncated'), 't10k-labels-idx1-ubyte.gz', real.subarray(0, real.length - 100));
    const error = await readIdxFile(join(root, 'truncated'), 't10k-labels-idx1-ubyte').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toBe(`${path} is a broken gzip file (unexpected end of file): it is truncated or corrupt. Delete it and get a fresh copy.`);
  });

  it('names a wrong magic number in a gzip file and in a raw file', async () => {
    const wrong = idx(0x0000_0802, [5], 5);
    put(join(root, 'magic-gz'), 't10k-labels-idx1-ubyte.gz', wrong, true);
    put(join(root, 'magic-raw'), 't10k-labels-idx1-ubyte', wrong);
    await expect(readIdxFile(join(root, 'magic-gz'), 't10k-labels-idx1-ubyte')).rejects.toThrow(/magic-gz\/t10k-labels-idx1-ubyte\.gz has magic number 0x00000802, not 0x00000801/);
    await expect(readIdxFile(join(root, 'magic-raw'), 't10k-labels-idx1-ubyte')).rejects.toThrow(/magic-raw\/t10k-labels-idx1-ubyte has magic number 0x00000802/);
  });

  it('names a raw file cut short inside a valid gzip', async () => {
    const dir = join(root, 'short-payload');
    put(dir, 't10k-images-idx3-ubyte.gz', gzipSync(idx(0x803, [10_000, 28, 28], 784 * 9_999)));
    await expect(readIdxFile(dir, 't10k-images-idx3-ubyte')).rejects.toThrow(/t10k-images-idx3-ubyte\.gz declares 10000 images \(7840016 bytes\) but has 7839232 bytes: it is truncated/);
  });

  it('names a missing file and the folder', async () => {
    const dir = join(root, 'empty');
    await expect(readIdxFile(dir, 'train-labels-idx1-ubyte')).rejects.toThrow(
      `${dir}/train-labels-idx1-ubyte.gz (or train-labels-idx1-ubyte uncompressed) is missing: ${dir} must hold all four Fashion-MNIST files.`,
    );
  });

  it('hashes the decompressed bytes of the real file', async () => {
    const file = await readIdxFile(REAL_DIR, 't10k-labels-idx1-ubyte');
    expect(file.sha256).toBe('0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34');
    expect(file.count).toBe(10_000);
  });
});
