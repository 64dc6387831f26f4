import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DatasetError } from './dataset-error.js';

const gunzipAsync = promisify(gunzip);

/** True when `bytes` start with the gzip magic 1f 8b (IDX files start with 00 00 08 0x). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Gunzips `bytes` off the main thread when they are gzip (whatever the file is called), else returns
 * them as they are. The result is a plain Uint8Array view of zlib's output: no second copy.
 */
export async function maybeGunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  let out: Buffer;
  try {
    out = await gunzipAsync(bytes);
  } catch (error) {
    throw new DatasetError(
      `${file} is a broken gzip file (${(error as Error).message}): it is truncated or corrupt. Delete it and get a fresh copy.`,
    );
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
