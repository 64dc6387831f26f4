import { IMAGE_SIZE } from '../../core/class-names.js';
import { DatasetError } from './dataset-error.js';

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

/**
 * Parses a decompressed IDX file of `kind`, checking the magic number, the 28x28 dimensions and that
 * the length matches the header. Returns a view (no copy) of the payload.
 */
export function parseIdx(bytes: Uint8Array, kind: 'images' | 'labels', file: string): { data: Uint8Array; count: number } {
  const header = kind === 'images' ? 16 : 8;
  if (bytes.length < header) throw new DatasetError(`${file} is too short to be an IDX ${kind} file (${bytes.length} bytes). Replace it with a fresh copy of Fashion-MNIST.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const expected = kind === 'images' ? IMAGES_MAGIC : LABELS_MAGIC;
  if (magic !== expected) {
    throw new DatasetError(`${file} has magic number 0x${magic.toString(16).padStart(8, '0')}, not 0x${expected.toString(16).padStart(8, '0')} (IDX ${kind}): it is not a Fashion-MNIST ${kind} file. Replace it with a fresh copy.`);
  }
  const count = view.getUint32(4);
  if (kind === 'images') {
    const rows = view.getUint32(8);
    const cols = view.getUint32(12);
    if (rows !== IMAGE_SIZE || cols !== IMAGE_SIZE) throw new DatasetError(`${file} holds ${rows}x${cols} images, not 28x28. Replace it with a fresh copy of Fashion-MNIST.`);
  }
  const per = kind === 'images' ? IMAGE_SIZE * IMAGE_SIZE : 1;
  const expectedLength = header + count * per;
  if (bytes.length !== expectedLength) {
    throw new DatasetError(`${file} says it holds ${count} ${kind} (${expectedLength} bytes) but has ${bytes.length} bytes: it is truncated or corrupt. Replace it with a fresh copy.`);
  }
  return { data: bytes.subarray(header), count };
}
