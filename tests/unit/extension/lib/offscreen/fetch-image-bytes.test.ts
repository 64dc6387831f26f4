// @vitest-environment node
// Real fetch against a real local server (Node's fetch is the same WHATWG API Chrome has).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassifyError } from '../../../../../extension/lib/classify-error';
import { MAX_IMAGE_BYTES } from '../../../../../extension/lib/image-limits';
import { fetchImageBytes } from '../../../../../extension/lib/offscreen/fetch-image-bytes';

let server: Server;
let origin: string;
const CHUNK = Buffer.alloc(1024 * 1024, 7);

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/photo.jpg':
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
      case '/declared-too-large':
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(MAX_IMAGE_BYTES + 1) });
        return res.end(); // the header alone must be enough to refuse
      case '/streamed-too-large': {
        res.writeHead(200, { 'content-type': 'image/jpeg' }); // chunked: no length up front
        let sent = 0;
        const pump = () => {
          while (sent <= MAX_IMAGE_BYTES) {
            sent += CHUNK.length;
            if (!res.write(CHUNK)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      case '/gone':
        res.writeHead(410, { 'content-type': 'text/plain' });
        return res.end('gone');
      default:
        req.socket.destroy(); // the connection just drops
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function codeOf(url: string, signal = new AbortController().signal): Promise<string> {
  try {
    await fetchImageBytes(url, signal);
  } catch (error) {
    if (error instanceof ClassifyError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('fetchImageBytes', () => {
  it('returns the bytes and the Content-Type', async () => {
    const { bytes, contentType } = await fetchImageBytes(`${origin}/photo.jpg`, new AbortController().signal);
    expect(Array.from(bytes)).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect(contentType).toBe('image/jpeg');
  });

  it('reads data: URLs', async () => {
    const { bytes, contentType } = await fetchImageBytes('data:image/gif;base64,R0lGODlh', new AbortController().signal);
    expect(new TextDecoder().decode(bytes)).toBe('GIF89a');
    expect(contentType).toBe('image/gif');
  });

  it('refuses a file whose Content-Length is over the limit before reading it', async () => {
    expect(await codeOf(`${origin}/declared-too-large`)).toBe('too-large');
  });

  it('stops reading a stream that grows past the limit', async () => {
    expect(await codeOf(`${origin}/streamed-too-large`)).toBe('too-large');
  });

  it('turns HTTP errors, dropped connections and other schemes into their sentences', async () => {
    expect(await codeOf(`${origin}/gone`)).toBe('http-error');
    expect(await codeOf(`${origin}/drop`)).toBe('unreachable');
    expect(await codeOf('ftp://example.com/a.jpg')).toBe('unsupported-url');
    expect(await codeOf('not a url')).toBe('unsupported-url');
  });

  it('rethrows the abort reason when the request times out', async () => {
    const controller = new AbortController();
    const timeout = new ClassifyError('timeout', 'too slow');
    controller.abort(timeout);
    await expect(fetchImageBytes(`${origin}/photo.jpg`, controller.signal)).rejects.toBe(timeout);
  });
});
