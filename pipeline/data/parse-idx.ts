import { IMAGE_SIZE } from '../../core/model-contract.js';
import { DatasetError } from './dataset-error.js';

/** IDX magic numbers: 0x08 = unsigned bytes, then the number of dimensions (3 for images, 1 for labels). */
export const IDX_MAGIC = { images: 0x00000803, labels: 0x00000801 } as const;

const HEADER_BYTES = { images: 16, labels: 8 } as const;

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/** A parsed IDX file: a view (no copy) of its payload. */
export interface IdxContent {
  /** The items' bytes after the header: count*784 for images, count for labels. */
  data: Uint8Array;
  /** Items the header declares (and the file holds). */
  count: number;
}

/**
 * Parses decompressed IDX bytes of `kind`: checks the magic number, that images are 28x28, and that the
 * length matches the header. `file` names the file in errors.
 */
export function parseIdx(bytes: Uint8Array, kind: 'images' | 'labels', file: string): IdxContent {
  const header = HEADER_BYTES[kind];
  const refresh = 'Replace it with the published Fashion-MNIST file.';
  if (bytes.length < header) {
    throw new DatasetError(`${file} is too short to be an IDX ${kind} file (${bytes.length} bytes, the header alone is ${header}). ${refresh}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== IDX_MAGIC[kind]) {
    const other = kind === 'images' ? 'labels' : 'images';
    const looksLike = magic === IDX_MAGIC[other] ? ` (that is an IDX ${other} file: are two files swapped?)` : '';
    throw new DatasetError(`${file} has magic number ${hex(magic)}, not ${hex(IDX_MAGIC[kind])} (IDX ${kind})${looksLike}. ${refresh}`);
  }
  const count = view.getUint32(4);
  if (kind === 'images') {
    const rows = view.getUint32(8);
    const cols = view.getUint32(12);
    if (rows !== IMAGE_SIZE || cols !== IMAGE_SIZE) {
      throw new DatasetError(`${file} holds ${rows}x${cols} images, not ${IMAGE_SIZE}x${IMAGE_SIZE}: it is not Fashion-MNIST. ${refresh}`);
    }
  }
  const expected = header + count * (kind === 'images' ? IMAGE_SIZE * IMAGE_SIZE : 1);
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'it is truncated' : 'it has extra bytes at the end';
    throw new DatasetError(`${file} declares ${count} ${kind} (${expected} bytes) but has ${bytes.length} bytes: ${what}. ${refresh}`);
  }
  return { data: bytes.subarray(header), count };
}
