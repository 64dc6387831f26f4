import { exifOrientation } from './exif-orientation';

/** What a JPEG's header says: its stored size (undefined when no frame header was found) and Exif orientation. */
export interface JpegHeader {
  width?: number;
  height?: number;
  orientation: number;
}

const isFrameMarker = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers with no length field: TEM, RST0..7 (SOI/EOI are handled apart). */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * Walks a JPEG's marker segments to the first start-of-frame the way libjpeg (Chrome's decoder)
 * does: bytes between segments that are not a marker are skipped, as are fill bytes, so a stray
 * byte cannot hide the frame size. Reads the Exif orientation from APP1 on the way. Stops at
 * start-of-scan or end-of-image (no frame header before the data: size unknown). Pure.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader {
  let orientation = 1;
  let offset = 2; // after SOI
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) {
      offset++; // libjpeg: "extraneous bytes before marker", skipped
      continue;
    }
    const marker = bytes[offset + 1]!;
    if (marker === 0xff || marker === 0x00) {
      offset++; // a fill byte, or a stuffed 0xff00 outside a scan: keep looking
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return { orientation };
    if (isStandalone(marker)) {
      offset += 2;
      continue;
    }
    if (offset + 3 >= bytes.length) break;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const body = offset + 4;
    if (isFrameMarker(marker)) {
      if (body + 5 > bytes.length) break;
      return { height: (bytes[body + 1]! << 8) | bytes[body + 2]!, width: (bytes[body + 3]! << 8) | bytes[body + 4]!, orientation };
    }
    if (marker === 0xe1 && orientation === 1 && String.fromCharCode(...bytes.subarray(body, body + 6)) === 'Exif\0\0') {
      orientation = exifOrientation(bytes.subarray(body + 6, offset + 2 + length));
    }
    offset += 2 + length;
  }
  return { orientation };
}
