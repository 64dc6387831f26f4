import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../../../../pipeline/data/dataset-error.js';
import { datasetCacheDir, SYSTEM_DATASET_DIR } from '../../../../pipeline/data/dataset-locations.js';
import { resolveDatasetDir } from '../../../../pipeline/data/resolve-dataset-dir.js';
import { placeholderDataset, put, REAL_DIR, tempDir } from './idx-fixtures.js';

const { dir: root, cleanup } = tempDir('resolve');
afterAll(cleanup);

const flag = placeholderDataset(join(root, 'flag'));
const env = placeholderDataset(join(root, 'env'));
const cache = placeholderDataset(join(root, 'cache'));
const system = placeholderDataset(join(root, 'system'));
const nowhere = join(root, 'nowhere');

describe('resolveDatasetDir', () => {
  it('takes --data-dir first, then FASHION_MNIST_DIR, then the cache, then the system folder', async () => {
    const all = { dataDir: flag, env: { FASHION_MNIST_DIR: env }, cacheDir: cache, systemDir: system, download: false };
    expect(await resolveDatasetDir(all)).toEqual({ how: 'flag', dir: flag });
    expect(await resolveDatasetDir({ ...all, dataDir: undefined })).toEqual({ how: 'env', dir: env });
    expect(await resolveDatasetDir({ ...all, dataDir: undefined, env: {} })).toEqual({ how: 'cache', dir: cache });
    expect(await resolveDatasetDir({ ...all, dataDir: undefined, env: {}, cacheDir: nowhere })).toEqual({ how: 'system', dir: system });
  });

  it("finds Debian's dataset-fashion-mnist in /usr/share/datasets/fashion-mnist by default", async () => {
    expect(SYSTEM_DATASET_DIR).toBe(REAL_DIR);
    expect(await resolveDatasetDir({ env: {}, cacheDir: nowhere, download: false })).toEqual({ how: 'system', dir: REAL_DIR });
  });

  it('counts a folder only when it holds all four files (.gz or raw)', async () => {
    const partial = join(root, 'partial-cache');
    put(partial, 'train-images-idx3-ubyte.gz', new Uint8Array());
    put(partial, 'train-labels-idx1-ubyte', new Uint8Array());
    put(partial, 't10k-images-idx3-ubyte.gz', new Uint8Array());
    expect(await resolveDatasetDir({ env: {}, cacheDir: partial, systemDir: system })).toEqual({ how: 'system', dir: system });
    put(partial, 't10k-labels-idx1-ubyte', new Uint8Array());
    expect(await resolveDatasetDir({ env: {}, cacheDir: partial, systemDir: system })).toEqual({ how: 'cache', dir: partial });
  });

  it('treats a --data-dir without the files as an error, not a reason to look elsewhere', async () => {
    const half = join(root, 'half');
    put(half, 'train-images-idx3-ubyte.gz', new Uint8Array());
    put(half, 't10k-images-idx3-ubyte', new Uint8Array());
    const opts = { env: { FASHION_MNIST_DIR: env }, cacheDir: cache, systemDir: system };
    const error = await resolveDatasetDir({ ...opts, dataDir: half }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toBe(
      `--data-dir: ${half} lacks train-labels-idx1-ubyte, t10k-labels-idx1-ubyte (as .gz or uncompressed). Point it at a folder holding all four Fashion-MNIST files.`,
    );
    await expect(resolveDatasetDir({ ...opts, dataDir: nowhere })).rejects.toThrow(`--data-dir: ${nowhere} does not exist.`);
  });

  it('treats a FASHION_MNIST_DIR without the files as an error too', async () => {
    await expect(resolveDatasetDir({ env: { FASHION_MNIST_DIR: nowhere }, cacheDir: cache })).rejects.toThrow(`FASHION_MNIST_DIR=${nowhere}: ${nowhere} does not exist.`);
  });

  it('with download off, names every way to provide the dataset', async () => {
    const error = (await resolveDatasetDir({ env: {}, cacheDir: nowhere, systemDir: nowhere, download: false }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DatasetError);
    for (const way of ['--data-dir', 'FASHION_MNIST_DIR', '`apt-get install dataset-fashion-mnist`', `in ${nowhere}.`]) expect(error.message).toContain(way);
  });

  it('puts the cache under $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(datasetCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/fashion-lens/fashion-mnist');
    expect(datasetCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/fashion-lens/fashion-mnist');
    expect(datasetCacheDir({ XDG_CACHE_HOME: '', HOME: '/home/u' })).toBe('/home/u/.cache/fashion-lens/fashion-mnist');
  });
});
