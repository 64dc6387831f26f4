import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_FILE_NAMES, SYSTEM_DATASET_DIR } from '../../../../pipeline/data/dataset-files.js';
import { downloadDataset } from '../../../../pipeline/data/download-dataset.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { parseIdx } from '../../../../pipeline/data/parse-idx.js';
import { readIdxFile } from '../../../../pipeline/data/read-idx-file.js';
import { resolveDatasetDir } from '../../../../pipeline/data/resolve-dataset-dir.js';
import { computeStandardization } from '../../../../pipeline/data/standardization.js';

const tmp = mkdtempSync(join(tmpdir(), 'fashion-lens-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function idx(magic: number, dims: number[], payload: number): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(payload)]));
}

/** A folder holding all four real files (symlink-free copies of Debian's). */
function realCopy(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(SYSTEM_DATASET_DIR)) copyFileSync(join(SYSTEM_DATASET_DIR, f), join(dir, f));
  return dir;
}

describe('IDX parsing', () => {
  it('reads images and labels headers', () => {
    expect(parseIdx(idx(0x803, [2, 28, 28], 2 * 784), 'images', 'f').count).toBe(2);
    expect(parseIdx(idx(0x801, [3], 3), 'labels', 'f').data.length).toBe(3);
  });
  it('names the file and the problem for a wrong magic, wrong size and truncation', () => {
    expect(() => parseIdx(idx(0x801, [2, 28, 28], 2 * 784), 'images', 'x.idx')).toThrow(/x\.idx has magic number 0x00000801, not 0x00000803/);
    expect(() => parseIdx(idx(0x803, [2, 32, 32], 2 * 1024), 'images', 'x.idx')).toThrow(/x\.idx holds 32x32 images, not 28x28/);
    expect(() => parseIdx(idx(0x803, [2, 28, 28], 784), 'images', 'x.idx')).toThrow(/says it holds 2 images .* but has 800 bytes: it is truncated/);
    expect(() => parseIdx(new Uint8Array(3), 'labels', 'x.idx')).toThrow(/too short/);
  });
});

describe('dataset files', () => {
  it('a truncated gzip is named with what to do', async () => {
    const dir = join(tmp, 'truncated');
    mkdirSync(dir);
    const gz = readFileSync(join(SYSTEM_DATASET_DIR, 't10k-labels-idx1-ubyte.gz'));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), gz.subarray(0, gz.length - 100));
    await expect(readIdxFile(dir, 't10k-labels-idx1-ubyte')).rejects.toThrow(/t10k-labels-idx1-ubyte\.gz is not a valid gzip file .* truncated or corrupt/);
  });
  it('a checksum mismatch (raw file, valid structure) is refused', async () => {
    const dir = join(tmp, 'tampered');
    mkdirSync(dir);
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), idx(0x801, [10_000], 10_000));
    await expect(readIdxFile(dir, 't10k-labels-idx1-ubyte')).rejects.toThrow(/fails its checksum \(SHA-256 [0-9a-f]{64}, expected 0402a96d/);
  });
  it('a missing file is named', async () => {
    await expect(readIdxFile(join(tmp, 'empty-dir'), 'train-labels-idx1-ubyte')).rejects.toThrow(/train-labels-idx1-ubyte\(\.gz\) is missing/);
  });
  it('an image/label count mismatch is refused', async () => {
    const dir = realCopy('mismatch');
    rmSync(join(dir, 't10k-labels-idx1-ubyte.gz'));
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), idx(0x801, [9_999], 9_999));
    await expect(loadFashionMnist({ dataDir: dir })).rejects.toThrow(/t10k-labels-idx1-ubyte/);
  });
});

describe('the real Fashion-MNIST', () => {
  let data: FashionMnist;
  beforeAll(async () => {
    data = await loadFashionMnist({ dataDir: SYSTEM_DATASET_DIR });
  });
  it('verifies the published checksums', () => {
    expect(data.sha256).toEqual({
      'train-images-idx3-ubyte': 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
      'train-labels-idx1-ubyte': 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
      't10k-images-idx3-ubyte': '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
      't10k-labels-idx1-ubyte': '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
    });
  });
  it('splits 55,000 / 5,000 / 10,000 with labels 0..9', () => {
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([55_000, 5_000, 10_000]);
    expect(data.train.images.length).toBe(55_000 * 784);
    for (const set of [data.train, data.validation, data.test]) expect(Math.max(...set.labels)).toBe(9);
    // The validation set is the END of the training file: its first label is train label #55,000.
    expect(data.validation.labels.byteOffset - data.train.labels.byteOffset).toBe(55_000);
  });
  it('standardizes each pixel to mean ~0 and std ~1 over the training split', () => {
    const { mean, std } = computeStandardization(data.train);
    const n = data.train.count;
    let worstMean = 0;
    let worstStd = 0;
    for (const p of [0, 100, 392, 500, 783]) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const z = (data.train.images[i * 784 + p]! - mean[p]!) / std[p]!;
        s += z;
        s2 += z * z;
      }
      worstMean = Math.max(worstMean, Math.abs(s / n));
      if (std[p]! > 1e-3) worstStd = Math.max(worstStd, Math.abs(Math.sqrt(s2 / n) - 1));
    }
    expect(worstMean).toBeLessThan(1e-4);
    expect(worstStd).toBeLessThan(1e-4);
    expect(std.every((s) => s > 0 && Number.isFinite(s))).toBe(true);
  });
});

describe('dataset resolution', () => {
  it('prefers --data-dir, then $FASHION_MNIST_DIR, then the cache, then the system folder', async () => {
    const flag = realCopy('flag');
    const env = realCopy('env');
    const cache = realCopy('cache');
    expect(await resolveDatasetDir({ dataDir: flag, env: { FASHION_MNIST_DIR: env }, cacheDir: cache })).toEqual({ how: 'flag', dir: flag });
    expect(await resolveDatasetDir({ env: { FASHION_MNIST_DIR: env }, cacheDir: cache })).toEqual({ how: 'env', dir: env });
    expect(await resolveDatasetDir({ env: {}, cacheDir: cache })).toEqual({ how: 'cache', dir: cache });
    expect(await resolveDatasetDir({ env: {}, cacheDir: join(tmp, 'no-cache') })).toEqual({ how: 'system', dir: SYSTEM_DATASET_DIR });
  });
  it('an explicitly named folder without the files is an error, not a fall-through', async () => {
    await expect(resolveDatasetDir({ dataDir: join(tmp, 'nothing-here'), env: {} })).rejects.toThrow(/--data-dir names .*nothing-here, which lacks train-images-idx3-ubyte/);
    await expect(resolveDatasetDir({ env: { FASHION_MNIST_DIR: join(tmp, 'nothing') } })).rejects.toThrow(/FASHION_MNIST_DIR names/);
  });
  it('fails fast offline, naming the other ways', async () => {
    const started = Date.now();
    await expect(
      resolveDatasetDir({ env: {}, cacheDir: join(tmp, 'offline-cache'), systemDir: join(tmp, 'no-system') }),
    ).rejects.toThrow(/downloading https:\/\/fashion-mnist.*failed .*--data-dir.*FASHION_MNIST_DIR.*apt-get install dataset-fashion-mnist/s);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('download', () => {
  let server: Server;
  let base = '';
  const served = new Map<string, Uint8Array>();
  beforeAll(async () => {
    for (const name of DATASET_FILE_NAMES) served.set(`/${name}.gz`, readFileSync(join(SYSTEM_DATASET_DIR, `${name}.gz`)));
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}/`;
  });
  afterAll(() => server.close());

  it('downloads the four files from a mirror, verified, into the cache', async () => {
    const cache = join(tmp, 'dl-ok');
    await downloadDataset(cache, undefined, base);
    expect(readdirSync(cache).sort()).toEqual(DATASET_FILE_NAMES.map((n) => `${n}.gz`).sort());
    const data = await loadFashionMnist({ env: {}, cacheDir: cache });
    expect(data.source.how).toBe('cache');
  });

  it('leaves nothing in the cache when a file fails its checksum', async () => {
    served.set('/t10k-labels-idx1-ubyte.gz', gzipSync(idx(0x801, [10_000], 10_000)));
    const cache = join(tmp, 'dl-bad');
    await expect(downloadDataset(cache, undefined, base)).rejects.toThrow(/t10k-labels-idx1-ubyte\.gz fails its checksum; nothing was kept|fails its checksum/);
    expect(existsSync(join(cache, 't10k-labels-idx1-ubyte.gz'))).toBe(false);
    expect(readdirSync(cache).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});
