// @vitest-environment node
// Real fetch against a real local server (Node's fetch is the same WHATWG API Chrome has).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassifyError } from '../../../../../extension/lib/failures';
import { MAX_IMAGE_BYTES } from '../../../../../extension/lib/image-limits';
import { fetchImageBytes, MAX_SERVER_TEXT } from '../../../../../extension/lib/offscreen/fetch-image-bytes';

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
      case '/members-only':
        res.writeHead(403, 'Forbidden', { 'content-type': 'text/plain' });
        return res.end('sign in');
      case '/sign-in':
        res.writeHead(401, 'Unauthorized', { 'content-type': 'text/plain' });
        return res.end('sign in');
      case '/long-reason':
        // Node's fetch reads at most 16 kB of headers; Chrome's 256 kB (the e2e test sends it 200 kB).
        res.writeHead(502, 'Bad Gateway '.padEnd(8_000, 'x'), { 'content-type': 'text/plain' });
        return res.end();
      case '/long-type':
        res.writeHead(200, { 'content-type': `image/png; ${'x'.repeat(8_000)}` });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/empty.png':
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': '0' });
        return res.end();
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

async function errorOf(url: string): Promise<{ code: string; message: string }> {
  try {
    await fetchImageBytes(url, new AbortController().signal);
  } catch (error) {
    if (error instanceof ClassifyError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${url} was read`);
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

  it('says that an image behind a login cannot be read, for 401 and 403', async () => {
    for (const [path, status, reason] of [['/sign-in', 401, 'Unauthorized'], ['/members-only', 403, 'Forbidden']] as const) {
      expect(await errorOf(`${origin}${path}`)).toEqual({
        code: 'needs-login',
        message: `The server answered ${status} (${reason}): it gives this image only to some visitors, such as signed-in users. Fashion Lens downloads images without your login (it never sends your cookies), so it cannot read images behind a login. Try a product photo the shop shows without signing in.`,
      });
    }
  });

  it(`keeps at most ${MAX_SERVER_TEXT} characters of the server's reason phrase and Content-Type`, async () => {
    const { message } = await errorOf(`${origin}/long-reason`);
    expect(message).toBe(`The server answered 502 (${'Bad Gateway '.padEnd(MAX_SERVER_TEXT - 1, 'x')}…) instead of the image. The page may be out of date: reload it and try again.`);
    const { contentType } = await fetchImageBytes(`${origin}/long-type`, new AbortController().signal);
    expect(contentType).toHaveLength(MAX_SERVER_TEXT);
  });

  it('says an empty file is empty', async () => {
    expect(await errorOf(`${origin}/empty.png`)).toEqual({
      code: 'empty-file',
      message: 'The server sent an empty file (0 bytes, labelled image/png) instead of the image. The image may still be loading on the page, or be missing on the server: reload the page and try again.',
    });
  });

  it('says what is wrong with an address that carries a user name and password', async () => {
    expect(await errorOf(`${origin.replace('http://', 'http://user:secret@')}/photo.jpg`)).toEqual({
      code: 'credentials-in-url',
      message: "This image's address has a user name or password in it (user:password@...), and browsers do not download addresses with a login written into them. Right-click a product photo with an ordinary address.",
    });
  });

  it('rethrows the abort reason when the request times out', async () => {
    const controller = new AbortController();
    const timeout = new ClassifyError('download-timeout', 'too slow');
    controller.abort(timeout);
    await expect(fetchImageBytes(`${origin}/photo.jpg`, controller.signal)).rejects.toBe(timeout);
  });
});
