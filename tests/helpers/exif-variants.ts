import { exifSegment, jpegSegment, jpegWithSegmentAfterFrame, jpegWithSegments, orientationEntry, pngWithExif, tiffBlock } from './oriented-images.js';

/**
 * JPEG and PNG files whose Exif orientation tag is written every way a file in the wild writes it,
 * right or wrong, each with the orientation Chromium 156 applies to it (checked in the real browser by
 * tests/e2e/hostile-images.test.ts).
 * `base` is a stored-as-shot image, wider than tall.
 */
export interface ExifVariant {
  name: string;
  /** The orientation Chromium applies (1 when it ignores the tag); 5..8 show width and height swapped. */
  orientation: number;
  bytes: Buffer;
}

const six = [orientationEntry(6)];
const exif = (layout: Parameters<typeof tiffBlock>[0], pad = 0) => exifSegment(tiffBlock(layout), pad);
const jfif = jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
const xmp = jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>', 'latin1'));

export function jpegExifVariants(jpeg: Buffer): ExifVariant[] {
  const j = (segments: Buffer[]) => jpegWithSegments(jpeg, segments);
  return [
    { name: 'orientation 6, big-endian (control)', orientation: 6, bytes: j([exif({ ifd0: six })]) },
    { name: 'orientation 6, little-endian', orientation: 6, bytes: j([exif({ order: 'II', ifd0: six })]) },
    { name: 'orientation 8', orientation: 8, bytes: j([exif({ ifd0: [orientationEntry(8)] })]) },
    { name: 'orientation 3 (half turn)', orientation: 3, bytes: j([exif({ ifd0: [orientationEntry(3)] })]) },
    { name: 'orientation 6 as LONG', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(6, 4)] })]) },
    { name: 'orientation 6 as LONG, little-endian', orientation: 1, bytes: j([exif({ order: 'II', ifd0: [orientationEntry(6, 4)] })]) },
    { name: 'orientation 6 as BYTE, little-endian', orientation: 1, bytes: j([exif({ order: 'II', ifd0: [orientationEntry(6, 1)] })]) },
    { name: 'orientation 6 as SSHORT (signed)', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(6, 8)] })]) },
    { name: 'orientation 6 with count 2', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(6, 3, 2)] })]) },
    { name: 'orientation 6 with count 0', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(6, 3, 0)] })]) },
    { name: 'orientation 0', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(0)] })]) },
    { name: 'orientation 9', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(9)] })]) },
    { name: 'orientation 9, then a second tag saying 6', orientation: 6, bytes: j([exif({ ifd0: [orientationEntry(9), orientationEntry(6)] })]) },
    { name: 'orientation 6 as LONG, then a second tag saying 6 as SHORT', orientation: 6, bytes: j([exif({ ifd0: [orientationEntry(6, 4), orientationEntry(6)] })]) },
    { name: 'orientation 1, then a second tag saying 6', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(1), orientationEntry(6)] })]) },
    { name: 'orientation 6 only in IFD1 (the thumbnail)', orientation: 1, bytes: j([exif({ ifd0: [{ tag: 0x010f, type: 2, count: 4, value: 0x41424300 }], ifd1: six })]) },
    { name: 'orientation 6 only in the Exif sub-IFD', orientation: 6, bytes: j([exif({ ifd0: [], exifIfd: six })]) },
    { name: 'orientation 1 in IFD0, 6 in the Exif sub-IFD', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(1)], exifIfd: six })]) },
    { name: 'APP1 Exif after APP0 JFIF and an XMP APP1', orientation: 6, bytes: j([jfif, xmp, exif({ ifd0: six })]) },
    { name: 'a second Exif APP1 saying 6 after one saying 1', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(1)] }), exif({ ifd0: six })]) },
    { name: 'a second Exif APP1 saying 6 after one without the tag', orientation: 1, bytes: j([exif({ ifd0: [] }), exif({ ifd0: six })]) },
    { name: 'a second Exif APP1 saying 6 after an empty one', orientation: 6, bytes: j([jpegSegment(0xe1, Buffer.from('Exif\0\0', 'latin1')), exif({ ifd0: six })]) },
    { name: 'a second Exif APP1 saying 6 after a broken TIFF header', orientation: 1, bytes: j([exif({ ifd0: [orientationEntry(1)], magic: 43 }), exif({ ifd0: six })]) },
    { name: "Exif signature's pad byte not 0", orientation: 6, bytes: j([exif({ ifd0: six }, 0xff)]) },
    { name: 'TIFF magic not 42', orientation: 1, bytes: j([exif({ ifd0: six, magic: 43 })]) },
    { name: 'IFD0 claims more entries than the segment holds', orientation: 6, bytes: j([exif({ ifd0: six, declaredCount: 40 })]) },
    { name: 'APP1 Exif after the frame header, before the scan', orientation: 6, bytes: jpegWithSegmentAfterFrame(jpeg, exif({ ifd0: six })) },
  ];
}

export function pngExifVariants(png: Buffer): ExifVariant[] {
  const idat = png.indexOf('IDAT', 8, 'latin1') - 4;
  const iend = png.indexOf('IEND', 8, 'latin1') - 4;
  return [
    { name: 'PNG eXIf orientation 6 (control)', orientation: 6, bytes: pngWithExif(png, tiffBlock({ ifd0: six })) },
    { name: 'PNG eXIf orientation 6 as LONG', orientation: 1, bytes: pngWithExif(png, tiffBlock({ ifd0: [orientationEntry(6, 4)] })) },
    { name: 'PNG eXIf orientation 6 after IDAT', orientation: 1, bytes: pngWithExif(png, tiffBlock({ ifd0: six }), iend) },
    { name: 'PNG eXIf just before IDAT', orientation: 6, bytes: pngWithExif(png, tiffBlock({ ifd0: six }), idat) },
    { name: 'PNG two eXIf chunks, 1 then 6', orientation: 1, bytes: pngWithExif(pngWithExif(png, tiffBlock({ ifd0: six })), tiffBlock({ ifd0: [orientationEntry(1)] })) },
    { name: 'PNG two eXIf chunks, 6 then 1', orientation: 6, bytes: pngWithExif(pngWithExif(png, tiffBlock({ ifd0: [orientationEntry(1)] })), tiffBlock({ ifd0: six })) },
    { name: 'PNG eXIf orientation 6 with count 2', orientation: 1, bytes: pngWithExif(png, tiffBlock({ ifd0: [orientationEntry(6, 3, 2)] })) },
  ];
}
