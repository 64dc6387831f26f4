import { concatBytes } from '../../core/concat-bytes.js';

/** The part of fetch the download uses; inject one to point the download at a local server in tests. */
export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

/** How long a download may stay silent before it is given up. */
export interface FetchTimeouts {
  /** Milliseconds until the response headers arrive (DNS, connect, TLS, first answer): short, so offline fails fast. */
  connectMs: number;
  /** Milliseconds without a new byte of the body: long enough for slow links, which still make progress. */
  stallMs: number;
}

export const DEFAULT_FETCH_TIMEOUTS: FetchTimeouts = { connectMs: 4_000, stallMs: 30_000 };

/** No Fashion-MNIST file is near this (the largest .gz is 26 MB); a bigger answer is not what we asked for. */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/** A download that failed; the message is a short reason such as "HTTP 404" or "getaddrinfo ENOTFOUND host". */
export class FetchFailed extends Error {
  override name = 'FetchFailed';
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return cause?.message ?? cause?.code ?? (error as Error).message ?? String(error);
}

/**
 * GETs `url` into memory. Unlike one overall timeout, a short wait for the headers plus a stall timer
 * on the body fails fast without internet yet never cuts off a slow download that is still moving.
 */
export async function fetchBytes(url: string, fetchImpl: FetchLike, timeouts: FetchTimeouts = DEFAULT_FETCH_TIMEOUTS): Promise<Uint8Array> {
  const controller = new AbortController();
  let timedOut: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, reason: string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = reason;
      controller.abort();
    }, ms);
  };
  arm(timeouts.connectMs, `no answer within ${timeouts.connectMs / 1000} s`);
  try {
    const response = await fetchImpl(url, { signal: controller.signal });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new FetchFailed(`HTTP ${response.status}`);
    }
    const stall = `no data for ${timeouts.stallMs / 1000} s`;
    arm(timeouts.stallMs, stall);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_DOWNLOAD_BYTES) {
        controller.abort();
        throw new FetchFailed(`the answer is larger than ${MAX_DOWNLOAD_BYTES / 1024 / 1024} MB`);
      }
      chunks.push(value);
      arm(timeouts.stallMs, stall);
    }
    return concatBytes(chunks);
  } catch (error) {
    if (error instanceof FetchFailed) throw error;
    throw new FetchFailed(timedOut ?? reasonOf(error));
  } finally {
    clearTimeout(timer);
  }
}
