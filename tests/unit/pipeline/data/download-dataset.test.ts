import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_FILE_NAMES } from '../../../../pipeline/data/dataset-files.js';
import { DatasetError } from '../../../../pipeline/data/dataset-error.js';
import { DATASET_MIRRORS } from '../../../../pipeline/data/dataset-locations.js';
import { downloadDataset } from '../../../../pipeline/data/download-dataset.js';
import { loadFashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { DEFAULT_FETCH_TIMEOUTS } from '../../../../pipeline/data/fetch-bytes.js';
import { labelsIdx, tempDir } from './idx-fixtures.js';
import { closedPort, startLocalMirror, type LocalMirror, type Route } from './local-mirror.js';

const { dir: root, cleanup } = tempDir('download');
afterAll(cleanup);

let mirror: LocalMirror;
let original: Map<string, Route>;
beforeAll(async () => {
  mirror = await startLocalMirror();
  original = new Map(mirror.routes);
});
afterAll(() => mirror.close());
afterEach(() => {
  for (const [path, route] of original) mirror.routes.set(path, route);
  mirror.requests.length = 0;
});

const noSystem = join(root, 'no-system');
const quiet = (): void => {};
const FIRST = new URL(DATASET_MIRRORS[0]).hostname;
const SECOND = new URL(DATASET_MIRRORS[1]).hostname;

describe('download into the cache (a real HTTP server on 127.0.0.1 serving the real .gz files)', () => {
  it('downloads, verifies and keeps the four files when no folder has them; the cache is used next time', async () => {
    const cache = join(root, 'ok');
    const lines: string[] = [];
    const data = await loadFashionMnist({ env: {}, cacheDir: cache, systemDir: noSystem, fetch: mirror.fetch, log: (l) => lines.push(l) });
    expect(data.source).toEqual({ how: 'download', dir: cache });
    expect([data.train.count, data.validation.count, data.test.count]).toEqual([55_000, 5_000, 10_000]);
    expect(data.sha256['train-images-idx3-ubyte']).toBe('c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888');
    expect(readdirSync(cache).sort()).toEqual(DATASET_FILE_NAMES.map((n) => `${n}.gz`).sort());
    expect(mirror.requests).toEqual(DATASET_FILE_NAMES.map((n) => `${FIRST}/${n}.gz`));
    expect(lines).toEqual(DATASET_FILE_NAMES.map((n) => `Downloading ${DATASET_MIRRORS[0]}${n}.gz`));

    mirror.requests.length = 0;
    const again = await loadFashionMnist({ env: {}, cacheDir: cache, systemDir: noSystem, fetch: mirror.fetch, log: quiet });
    expect(again.source).toEqual({ how: 'cache', dir: cache });
    expect(mirror.requests).toEqual([]);
  });

  it('falls back to the next mirror when one fails', async () => {
    const cache = join(root, 'fallback');
    const only = mirror.fetch;
    const firstDown: typeof only = (url, init) => (url.startsWith(DATASET_MIRRORS[0]) ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })) : only(url, init));
    expect(await downloadDataset(cache, { fetch: firstDown, log: quiet })).toBe(DATASET_MIRRORS[1]);
    expect(mirror.requests).toEqual(DATASET_FILE_NAMES.map((n) => `${SECOND}/${n}.gz`));
    expect(readdirSync(cache)).toHaveLength(4);
  });

  it('leaves nothing in the cache when a file fails its checksum, and says which', async () => {
    // The last file is the one that is wrong, so three good files were fetched before it.
    mirror.routes.set('/t10k-labels-idx1-ubyte.gz', gzipSync(labelsIdx(10_000)));
    const cache = join(root, 'bad-checksum');
    const error = (await downloadDataset(cache, { fetch: mirror.fetch, log: quiet }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toMatch(
      new RegExp(`${DATASET_MIRRORS[0]}t10k-labels-idx1-ubyte\\.gz: decompressed SHA-256 [0-9a-f]{64} is not the published 0402a96d`),
    );
    expect(error.message).toContain(`${DATASET_MIRRORS[1]}t10k-labels-idx1-ubyte.gz: decompressed SHA-256`);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });

  it('refuses an answer that is not gzip at all (say, an HTML error page served with 200)', async () => {
    mirror.routes.set('/train-labels-idx1-ubyte.gz', new TextEncoder().encode('<html>Access denied</html>'));
    const cache = join(root, 'html');
    await expect(downloadDataset(cache, { fetch: mirror.fetch, mirrors: [DATASET_MIRRORS[0]], log: quiet })).rejects.toThrow(/train-labels-idx1-ubyte\.gz: decompressed SHA-256 .* is not the published/);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });

  it('names the HTTP status of a missing file', async () => {
    mirror.routes.set('/train-images-idx3-ubyte.gz', 404);
    await expect(downloadDataset(join(root, '404'), { fetch: mirror.fetch, mirrors: [DATASET_MIRRORS[0]], log: quiet })).rejects.toThrow(
      `downloading it failed (${DATASET_MIRRORS[0]}train-images-idx3-ubyte.gz: HTTP 404)`,
    );
  });
});

describe('download without a network', () => {
  it('fails at once when connections are refused, naming every other way to get the dataset', async () => {
    const port = await closedPort();
    const cache = join(root, 'offline');
    const offline: typeof mirror.fetch = (url, init) => fetch(`http://127.0.0.1:${port}/${url.split('/').pop()}`, init);
    const error = (await loadFashionMnist({ env: {}, cacheDir: cache, systemDir: noSystem, fetch: offline, log: quiet }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toContain(`Fashion-MNIST is not on this machine and downloading it failed (${DATASET_MIRRORS[0]}train-images-idx3-ubyte.gz: connect ECONNREFUSED 127.0.0.1:${port}; ${DATASET_MIRRORS[1]}train-images-idx3-ubyte.gz: connect ECONNREFUSED`);
    for (const way of ['--data-dir <folder>', 'FASHION_MNIST_DIR', '`apt-get install dataset-fashion-mnist`', `t10k-labels-idx1-ubyte.gz) in ${cache}.`]) expect(error.message).toContain(way);
    expect(existsSync(cache)).toBe(false);
  });

  it('gives up on a server that never answers after the connect timeout', async () => {
    mirror.routes.set('/train-images-idx3-ubyte.gz', 'hang');
    const timeouts = { connectMs: 200, stallMs: 60_000 };
    await expect(downloadDataset(join(root, 'hang'), { fetch: mirror.fetch, mirrors: [DATASET_MIRRORS[0]], timeouts, log: quiet })).rejects.toThrow(
      `(${DATASET_MIRRORS[0]}train-images-idx3-ubyte.gz: no answer within 0.2 s)`,
    );
  });

  it('gives up on a body that stops arriving after the stall timeout', async () => {
    mirror.routes.set('/train-images-idx3-ubyte.gz', 'stall');
    const timeouts = { connectMs: 60_000, stallMs: 200 };
    await expect(downloadDataset(join(root, 'stall'), { fetch: mirror.fetch, mirrors: [DATASET_MIRRORS[0]], timeouts, log: quiet })).rejects.toThrow(
      `(${DATASET_MIRRORS[0]}train-images-idx3-ubyte.gz: no data for 0.2 s)`,
    );
  });

  it('waits only a few seconds for a first answer by default, so an offline machine is told quickly', () => {
    expect(DEFAULT_FETCH_TIMEOUTS.connectMs).toBeLessThanOrEqual(5_000);
  });
});
