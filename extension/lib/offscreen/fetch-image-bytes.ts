import { concatBytes } from '../../../core/concat-bytes';
import { MAX_IMAGE_BYTES } from '../image-limits';
import { ClassifyError } from '../classify-error';
import { imageErrors } from './image-errors';

/** The downloaded bytes and what the server said they are. */
export interface FetchedImage {
  bytes: Uint8Array;
  /** The Content-Type header (data: and blob: URLs carry their own), or null. */
  contentType: string | null;
}

const SCHEMES = new Set(['http:', 'https:', 'data:', 'blob:']);

/**
 * Downloads the clicked image from the offscreen document. The extension's host permission lets
 * it read cross-origin images without CORS headers; no page script is involved. Stops reading
 * beyond MAX_IMAGE_BYTES. `signal` aborts it when the request times out (the caller turns the
 * abort into the timeout sentence).
 */
export async function fetchImageBytes(url: string, signal: AbortSignal): Promise<FetchedImage> {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    throw imageErrors.unsupportedUrl('malformed');
  }
  if (!SCHEMES.has(scheme)) throw imageErrors.unsupportedUrl(scheme);

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
    throw scheme === 'blob:' ? imageErrors.blobUnreachable() : imageErrors.unreachable(url);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw imageErrors.httpError(response.status, response.statusText);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_IMAGE_BYTES) {
    await response.body?.cancel().catch(() => {});
    throw imageErrors.tooLarge(declared);
  }
  const bytes = await readAtMost(response, url, signal);
  return { bytes, contentType: response.headers.get('content-type') };
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
        throw imageErrors.tooLarge(null);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof ClassifyError) throw error;
    throw imageErrors.unreachable(url); // the connection broke mid-download
  }
  return concatBytes(chunks);
}
