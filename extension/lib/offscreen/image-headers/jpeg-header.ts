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
const APP1 = 0xe1;
/** 'Exif\0' and one pad byte (any value): what Skia's JPEG metadata reader skips before the TIFF block. */
const EXIF_HEADER_BYTES = 6;

/** True when an APP1 segment's data is the one Chrome takes the Exif from: it starts 'Exif\0' and holds more than the 6-byte header. */
function isExifSegment(bytes: Uint8Array, body: number, dataLength: number): boolean {
  return dataLength > EXIF_HEADER_BYTES && bytes[body] === 0x45 && bytes[body + 1] === 0x78 && bytes[body + 2] === 0x69 && bytes[body + 3] === 0x66 && bytes[body + 4] === 0;
}

/**
 * Walks a JPEG's marker segments up to the start of scan the way libjpeg (Chrome's decoder) does:
 * bytes between segments that are not a marker are skipped, as are fill bytes, so a stray byte
 * cannot hide the frame size. The size is the first start-of-frame's. The orientation comes from
 * the first APP1 segment that is Exif, wherever it sits before the scan (after the frame header
 * too), and from that segment only, as Chrome reads it: a second Exif segment is ignored even
 * when the first has no orientation or a broken TIFF header. Stops at start-of-scan or
 * end-of-image (no frame header before them: size unknown). Pure.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader {
  let size: { width: number; height: number } | undefined;
  let exif: Uint8Array | undefined;
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
    if (marker === 0xda || marker === 0xd9) break;
    if (isStandalone(marker)) {
      offset += 2;
      continue;
    }
    if (offset + 3 >= bytes.length) break;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const body = offset + 4;
    if (isFrameMarker(marker) && !size) {
      if (body + 5 > bytes.length) break;
      size = { height: (bytes[body + 1]! << 8) | bytes[body + 2]!, width: (bytes[body + 3]! << 8) | bytes[body + 4]! };
    }
    if (marker === APP1 && !exif && isExifSegment(bytes, body, length - 2)) {
      exif = bytes.subarray(body + EXIF_HEADER_BYTES, offset + 2 + length);
    }
    offset += 2 + length;
  }
  return { ...size, orientation: exif ? exifOrientation(exif) : 1 };
}
