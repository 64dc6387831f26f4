import { exifOrientation } from './exif-orientation';

/** The Exif orientation of a PNG's eXIf chunk (Chrome applies it), or 1. Looks only before the image data. Pure. */
export function pngOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'IDAT' || type === 'IEND') return 1;
    if (type === 'eXIf') return exifOrientation(bytes.subarray(offset + 8, Math.min(bytes.length, offset + 8 + length)));
    offset += 12 + length;
  }
  return 1;
}
