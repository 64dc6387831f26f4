import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DATASET_FILE_NAMES } from '../../../../pipeline/data/dataset-files.js';
import type { FetchLike } from '../../../../pipeline/data/fetch-bytes.js';
import { REAL_DIR } from './idx-fixtures.js';

/** What the local mirror does for one request path such as '/t10k-labels-idx1-ubyte.gz'. */
export type Route = Uint8Array | 'hang' | 'stall' | 404;

/** A real HTTP server on 127.0.0.1 serving the real .gz files, with routes the test can change. */
export interface LocalMirror {
  /** Per request path; starts with the four real .gz files from Debian's package. */
  routes: Map<string, Route>;
  /** `<mirror host>/<file>` of each request, in order. */
  requests: string[];
  /** Real global fetch, redirected here as `/<mirror host>/<file>` so `requests` shows which mirror was asked. */
  fetch: FetchLike;
  close: () => Promise<void>;
}

function answer(res: ServerResponse, route: Route | undefined): void {
  if (route === undefined || route === 404) return void res.writeHead(404).end();
  if (route === 'hang') return; // accept the connection, never answer
  if (route === 'stall') {
    res.writeHead(200, { 'content-length': '1000' });
    res.write(new Uint8Array(10)); // then silence
    return;
  }
  res.writeHead(200, { 'content-length': String(route.byteLength) }).end(route);
}

export async function startLocalMirror(): Promise<LocalMirror> {
  const routes = new Map<string, Route>(DATASET_FILE_NAMES.map((n) => [`/${n}.gz`, new Uint8Array(readFileSync(join(REAL_DIR, `${n}.gz`)))]));
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const [mirror, file] = (req.url ?? '').split('/').slice(1);
    requests.push(`${mirror}/${file}`);
    answer(res, routes.get(`/${file}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const localFetch: FetchLike = (url, init) => {
    const u = new URL(url);
    const file = u.pathname.split('/').pop();
    return fetch(`http://127.0.0.1:${port}/${u.hostname}/${file}`, init);
  };
  return {
    routes,
    requests,
    fetch: localFetch,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 127.0.0.1 port nothing listens on (connections are refused at once, like a machine without a network). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
