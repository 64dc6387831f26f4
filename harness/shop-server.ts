import { createServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** A product photo the shop serves, by default at /products/<name>.png as image/png. */
export interface Product {
  name: string;
  /** The file's bytes (a PNG unless contentType says otherwise), served as they are. */
  png: Buffer;
  /** Where the shop serves it (default /products/<name>.png). */
  path?: string;
  /** Its Content-Type (default image/png). */
  contentType?: string;
  /** How long the shop takes before it answers (default: at once), as a slow CDN does. */
  delayMs?: number;
}

/** The path a product is served at. */
export const productPath = (product: Pick<Product, 'name' | 'path'>): string => product.path ?? `/products/${product.name}.png`;

/** A local shop on 127.0.0.1 with product photos and every kind of bad "image". */
export interface ShopServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a path on the shop. */
  url(path: string): string;
  /** Every request so far: its path, the Cookie header it carried (undefined: none), and when it arrived (Date.now()). */
  requests: { path: string; cookie: string | undefined; at: number }[];
  close(): Promise<void>;
}

/** The bad inputs the shop serves, by path. */
export const BAD_PATHS = {
  missing: '/products/discontinued.png',
  notImage: '/feeds/prices.json',
  htmlPage: '/product/coat.html',
  svg: '/assets/logo.svg',
  pixel: '/track/pixel.png',
  huge: '/products/huge-40mp.png',
  slow: '/products/slow.jpg',
  octetStream: '/cdn/photo-without-type',
  tooLarge: '/products/raw-21mb.jpg',
  /** 502 with a 200 kB reason phrase. */
  longReason: '/products/reason-200kb.png',
  /** 401 and 403: images shown only to signed-in users. */
  unauthorized: '/account/photo.jpg',
  forbidden: '/members/photo.jpg',
  /** 200, image/png, no bytes. */
  empty: '/products/empty.png',
  /** 302 to the same shop under another host name (localhost instead of 127.0.0.1): another site. */
  redirectAway: '/cdn/moved.png',
} as const;

/** Where BAD_PATHS.redirectAway leads, on the shop's other host name. */
export const REDIRECT_TARGET_PATH = '/products/moved-here.png';

/** Encodes a PNG chunk (length, type, data, CRC) by hand for the 40-megapixel image. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A real, valid 8000 x 5000 grayscale PNG (40 megapixels; ~40 kB because it is one colour).
 * pngjs would need 160 MB of RGBA to make it, so the few chunks are written directly.
 */
export function fortyMegapixelPng(width = 8000, height = 5000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // grayscale
  const row = Buffer.alloc(width + 1, 0xee);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function onePixelPng(): Buffer {
  const png = new PNG({ width: 1, height: 1 });
  png.data.set([255, 255, 255, 0]);
  return PNG.sync.write(png);
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#1f6f78"/><text x="20" y="50" fill="#fff">SHOP</text></svg>';

function shopPage(products: readonly Product[]): string {
  const cards = products.map((p) => `<figure><img src="${productPath(p)}" alt="${p.name}" width="140"><figcaption>${p.name}</figcaption></figure>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Loopback Outfitters</title></head><body><h1>Loopback Outfitters</h1><img src="${BAD_PATHS.svg}" alt="logo">${cards}<img src="${BAD_PATHS.pixel}" alt=""></body></html>`;
}

/** An extra HTML page the shop serves (e.g. a product grid), with any response headers it needs (a Content-Security-Policy). */
export interface ShopPage {
  html: string;
  headers?: Record<string, string>;
}

/**
 * Starts the shop. /slow answers nothing until the server closes, so the extension's per-request
 * timeout has to fire; close() ends those connections. `pages` adds HTML pages by path.
 */
export async function startShopServer(products: readonly Product[], pages: Readonly<Record<string, ShopPage>> = {}): Promise<ShopServer> {
  const byPath = new Map(products.map((p) => [productPath(p), p]));
  const huge = fortyMegapixelPng();
  const pixel = onePixelPng();
  const sockets = new Set<Socket>();
  const requests: ShopServer['requests'] = [];
  const send = (res: ServerResponse, status: number, type: string | null, body: string | Buffer) => {
    const length = String(Buffer.byteLength(body));
    res.writeHead(status, type ? { 'content-type': type, 'content-length': length, 'cache-control': 'no-store' } : { 'content-length': length, 'cache-control': 'no-store' });
    res.end(body);
  };
  let port = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, cookie: req.headers.cookie, at: Date.now() });
    const extra = pages[path];
    if (extra) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra.headers });
      return res.end(extra.html);
    }
    const product = byPath.get(path);
    if (product) {
      const answer = () => send(res, 200, product.contentType ?? 'image/png', product.png);
      if (!product.delayMs) return answer();
      const timer = setTimeout(answer, product.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    switch (path) {
      case '/':
        return send(res, 200, 'text/html; charset=utf-8', shopPage(products));
      case BAD_PATHS.notImage:
        return send(res, 200, 'application/json', '{"price": 19.99}');
      case BAD_PATHS.htmlPage:
        return send(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><body><h1>Wool coat</h1></body></html>');
      case BAD_PATHS.svg:
        return send(res, 200, 'image/svg+xml', SVG);
      case BAD_PATHS.pixel:
        return send(res, 200, 'image/png', pixel);
      case BAD_PATHS.huge:
        return send(res, 200, 'image/png', huge);
      case BAD_PATHS.octetStream:
        return send(res, 200, 'application/octet-stream', products[0]?.png ?? pixel);
      case BAD_PATHS.tooLarge:
        return send(res, 200, 'image/jpeg', Buffer.alloc(21 * 1024 * 1024, 0xff));
      case BAD_PATHS.slow:
        return; // never answers
      case BAD_PATHS.longReason:
        res.writeHead(502, 'Bad Gateway '.padEnd(200 * 1024, 'x'), { 'content-length': '0' });
        return res.end();
      case BAD_PATHS.unauthorized:
        return send(res, 401, 'text/plain', 'Sign in to see this image');
      case BAD_PATHS.forbidden:
        return send(res, 403, 'text/plain', 'Members only');
      case BAD_PATHS.empty:
        return send(res, 200, 'image/png', Buffer.alloc(0));
      case BAD_PATHS.redirectAway:
        res.writeHead(302, { location: `http://localhost:${port}${REDIRECT_TARGET_PATH}`, 'content-length': '0' });
        return res.end();
      case REDIRECT_TARGET_PATH:
        return send(res, 200, 'image/png', products[0]?.png ?? pixel);
      default:
        return send(res, 404, 'text/plain', 'Not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The shop server has no TCP address.');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
