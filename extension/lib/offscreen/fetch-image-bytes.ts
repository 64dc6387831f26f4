import { concatBytes } from '../../../core/concat-bytes';
import { MAX_IMAGE_BYTES } from '../image-limits';
import { capText } from '../cap-text';
import { ClassifyError, fail } from '../failures';

/** The downloaded bytes and what the server said they are. */
export interface FetchedImage {
  bytes: Uint8Array;
  /** The Content-Type header (data: and blob: URLs carry their own; at most MAX_SERVER_TEXT characters), or null. */
  contentType: string | null;
}

const SCHEMES = new Set(['http:', 'https:', 'data:', 'blob:']);

/** Longest piece of a server's own text (reason phrase, Content-Type) kept: a server can send 200 kB of it. */
export const MAX_SERVER_TEXT = 100;

/** Statuses that mean "sign in first": the image is behind the user's login, which the anonymous download does not carry. */
const LOGIN_STATUSES = new Set([401, 403]);

/**
 * Downloads the clicked image from the offscreen document. The extension's host permission lets
 * it read cross-origin images without CORS headers; no page script is involved. Stops reading
 * beyond MAX_IMAGE_BYTES. `signal` aborts it when the request times out (the caller turns the
 * abort into the timeout sentence).
 */
export async function fetchImageBytes(url: string, signal: AbortSignal): Promise<FetchedImage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail('unsupported-url', 'malformed');
  }
  const scheme = parsed.protocol;
  if (!SCHEMES.has(scheme)) throw fail('unsupported-url', scheme);
  if (parsed.username || parsed.password) throw fail('credentials-in-url'); // fetch() refuses such a URL

  let response: Response;
  try {
    // Anonymous: the image's site gets none of its cookies (SameSite=Strict ones included), so a
    // page cannot make the extension send the user's session to any URL or redirect it names (issue 12).
    // Past Chrome's HTTP cache: it lets one request per address through at a time and holds the
    // others until that one ends (measured: of six clicks on one 14 s image, five waited and timed
    // out), which would queue downloads again (issue 19); each click reads the image once anyway.
    response = await fetch(url, { signal, credentials: 'omit', redirect: 'follow', cache: 'no-store' });
  } catch {
    if (signal.aborted) throw signal.reason;
    throw scheme === 'blob:' ? fail('blob-unreachable') : await whyUnreadable(url, signal);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const statusText = capText(response.statusText, MAX_SERVER_TEXT);
    throw LOGIN_STATUSES.has(response.status) ? fail('needs-login', response.status, statusText) : fail('http-error', response.status, statusText);
  }
  const contentType = capHeader(response.headers.get('content-type'));
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_IMAGE_BYTES) {
    await response.body?.cancel().catch(() => {});
    throw fail('too-large', declared);
  }
  const bytes = await readAtMost(response, url, signal);
  if (bytes.byteLength === 0) throw fail('empty-file', contentType ?? '');
  return { bytes, contentType };
}

const capHeader = (value: string | null): string | null => (value === null ? null : capText(value, MAX_SERVER_TEXT));

/**
 * Why a download failed without an answer. The site itself may be down; or it answered with a
 * redirect to another site that the extension has no access to, which Chrome reports as the same
 * network error: then the address redirects (asked without following it), and the redirect can
 * be followed when nothing has to be read from its target (a no-cors request), so that site is up
 * and only the permission is missing. fetch hides where a redirect leads, so this sentence does
 * not name that site; the background, which sees the redirect (watch-redirects.ts), names it.
 */
async function whyUnreadable(url: string, signal: AbortSignal): Promise<ClassifyError> {
  try {
    const first = await fetch(url, { signal, credentials: 'omit', redirect: 'manual' });
    if (first.type !== 'opaqueredirect') return fail('unreachable', url);
    await fetch(url, { signal, credentials: 'omit', redirect: 'follow', mode: 'no-cors' });
    return fail('redirect-not-allowed', url);
  } catch {
    if (signal.aborted) throw signal.reason;
    return fail('unreachable', url);
  }
}

async function readAtMost(response: Response, url: string, signal: AbortSignal): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_IMAGE_BYTES) {
        await reader.cancel();
        throw fail('too-large', null);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof ClassifyError) throw error;
    throw fail('unreachable', url); // the connection broke mid-download
  }
  return concatBytes(chunks);
}
