import { crc32 } from 'node:zlib';

/** A big-endian TIFF block whose first IFD holds only the Orientation tag (0x0112). */
function tiffWithOrientation(orientation: number): Buffer {
  return Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
}

/**
 * The JPEG with an APP1 Exif segment saying `orientation` (1..8) right after its SOI marker, as
 * phones and cameras write it: the pixels stay stored as shot, viewers rotate them.
 */
export function jpegWithOrientation(jpeg: Uint8Array, orientation: number): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiffWithOrientation(orientation)]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** The PNG with an eXIf chunk saying `orientation`, placed right after IHDR (before IDAT, as the spec asks). */
export function pngWithOrientation(png: Uint8Array, orientation: number): Buffer {
  const data = tiffWithOrientation(orientation);
  const typeAndData = Buffer.concat([Buffer.from('eXIf', 'latin1'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData) >>> 0, 8 + data.length);
  const afterIhdr = 8 + 25; // signature + IHDR (4 length + 4 type + 13 data + 4 crc)
  return Buffer.concat([png.subarray(0, afterIhdr), chunk, png.subarray(afterIhdr)]);
}
