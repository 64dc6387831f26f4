import { crc32 } from 'node:zlib';

/** One TIFF directory entry: the tag, its field type (3 SHORT, 4 LONG, ...), its count and one value. */
export interface TiffEntry {
  tag: number;
  type: number;
  count: number;
  /** Stored in the entry's value field: as 16 bits for SHORT (type 3), else as 32 bits. */
  value: number;
}

/** How to lay out a TIFF (Exif) block: the entries of IFD0 and, if given, of IFD1 and of the Exif sub-IFD. */
export interface TiffLayout {
  /** 'II' (little-endian) or 'MM' (big-endian, the default). */
  order?: 'II' | 'MM';
  ifd0: TiffEntry[];
  /** A second directory, linked from IFD0's next-IFD pointer (where the thumbnail's tags live). */
  ifd1?: TiffEntry[];
  /** The Exif sub-IFD, linked from IFD0 by tag 0x8769 (appended to IFD0's entries). */
  exifIfd?: TiffEntry[];
  /** The TIFF magic number (42 unless testing a broken header). */
  magic?: number;
  /** IFD0's entry count as written (defaults to the real count; larger claims entries past the end). */
  declaredCount?: number;
}

/** The Orientation entry as the Exif standard has it: tag 0x0112, SHORT, count 1. */
export const orientationEntry = (value: number, type = 3, count = 1): TiffEntry => ({ tag: 0x0112, type, count, value });

/** A TIFF block laid out as `layout` says: header, IFD0, then IFD1 and the Exif sub-IFD if any. */
export function tiffBlock(layout: TiffLayout): Buffer {
  const little = layout.order === 'II';
  const ifd0 = [...layout.ifd0];
  const exifAt = layout.exifIfd ? ifd0.push({ tag: 0x8769, type: 4, count: 1, value: 0 }) - 1 : -1;
  const size = (entries: TiffEntry[]) => 2 + entries.length * 12 + 4;
  const ifd0At = 8;
  const ifd1At = ifd0At + size(ifd0);
  const subAt = ifd1At + (layout.ifd1 ? size(layout.ifd1) : 0);
  if (exifAt >= 0) ifd0[exifAt] = { ...ifd0[exifAt]!, value: subAt };
  const total = subAt + (layout.exifIfd ? size(layout.exifIfd) : 0);
  const out = Buffer.alloc(total);
  const u16 = (v: number, at: number) => (little ? out.writeUInt16LE(v, at) : out.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (little ? out.writeUInt32LE(v >>> 0, at) : out.writeUInt32BE(v >>> 0, at));
  out.write(little ? 'II' : 'MM', 0, 'latin1');
  u16(layout.magic ?? 42, 2);
  u32(ifd0At, 4);
  const writeIfd = (entries: TiffEntry[], at: number, next: number, declared = entries.length) => {
    u16(declared, at);
    entries.forEach((e, i) => {
      const o = at + 2 + i * 12;
      u16(e.tag, o);
      u16(e.type, o + 2);
      u32(e.count, o + 4);
      if (e.type === 3) u16(e.value, o + 8);
      else u32(e.value, o + 8);
    });
    u32(next, at + 2 + entries.length * 12);
  };
  writeIfd(ifd0, ifd0At, layout.ifd1 ? ifd1At : 0, layout.declaredCount);
  if (layout.ifd1) writeIfd(layout.ifd1, ifd1At, 0);
  if (layout.exifIfd) writeIfd(layout.exifIfd, subAt, 0);
  return out;
}

/** A JPEG segment: 0xFF, the marker, a big-endian length that counts itself, the payload. */
export function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([header, payload]);
}

/** An APP1 Exif segment holding `tiff` ('Exif\0' and a pad byte, 0 as the standard says, first). */
export const exifSegment = (tiff: Buffer, pad = 0): Buffer => jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0', 'latin1'), Buffer.from([pad]), tiff]));

/** The JPEG with `segments` inserted right after its SOI marker, in order. */
export function jpegWithSegments(jpeg: Uint8Array, segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** The JPEG with `segment` inserted right after its first start-of-frame segment (before the scan). */
export function jpegWithSegmentAfterFrame(jpeg: Uint8Array, segment: Buffer): Buffer {
  for (let at = 2; at + 4 <= jpeg.length; ) {
    const marker = jpeg[at + 1]!;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) return Buffer.concat([jpeg.subarray(0, at + 2 + length), segment, jpeg.subarray(at + 2 + length)]);
    at += 2 + length;
  }
  throw new Error('no start-of-frame segment found');
}

/** A big-endian TIFF block whose first IFD holds only the Orientation tag (0x0112). */
function tiffWithOrientation(orientation: number): Buffer {
  return tiffBlock({ ifd0: [orientationEntry(orientation)] });
}

/**
 * The JPEG with an APP1 Exif segment saying `orientation` (1..8) right after its SOI marker, as
 * phones and cameras write it: the pixels stay stored as shot, viewers rotate them.
 */
export function jpegWithOrientation(jpeg: Uint8Array, orientation: number): Buffer {
  return jpegWithSegments(jpeg, [exifSegment(tiffWithOrientation(orientation))]);
}

/** The PNG with an eXIf chunk holding `tiff`, placed right after IHDR (before IDAT, as the spec asks), or at the given byte offset. */
export function pngWithExif(png: Uint8Array, tiff: Buffer, at = 8 + 25): Buffer {
  const typeAndData = Buffer.concat([Buffer.from('eXIf', 'latin1'), tiff]);
  const chunk = Buffer.alloc(12 + tiff.length);
  chunk.writeUInt32BE(tiff.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData) >>> 0, 8 + tiff.length);
  return Buffer.concat([png.subarray(0, at), chunk, png.subarray(at)]);
}

/** The PNG with an eXIf chunk saying `orientation`, placed right after IHDR (signature + IHDR: 8 + 25 bytes). */
export function pngWithOrientation(png: Uint8Array, orientation: number): Buffer {
  return pngWithExif(png, tiffWithOrientation(orientation));
}
