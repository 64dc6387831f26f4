import type { KerasFormat } from '../../core/types.js';

/** A zip archive's first local file header ("PK\3\4"): how every .keras file starts. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The HDF5 format signature, at the start of every legacy .h5 model Keras writes. */
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Which of Keras' two file formats `bytes` is, by its signature alone (the libraries do the
 * parsing): 'keras' for a zip archive, 'h5' for HDF5, undefined for anything else. Pure.
 */
export function sniffKerasFormat(bytes: Uint8Array): KerasFormat | undefined {
  if (startsWith(bytes, ZIP_MAGIC)) return 'keras';
  if (startsWith(bytes, HDF5_MAGIC)) return 'h5';
  return undefined;
}
