import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exifOrientation } from '../../../../../extension/lib/offscreen/image-headers/exif-orientation';
import { sniffImage } from '../../../../../extension/lib/offscreen/sniff-image';
import { jpegExifVariants, pngExifVariants } from '../../../../helpers/exif-variants';
import { orientationEntry, tiffBlock } from '../../../../helpers/oriented-images';

// Issue 19, item 2: the header reader must read the Exif orientation exactly as Chrome applies
// it. Each variant's `orientation` is what Chromium 156 applies (tests/e2e/hostile-images.test.ts
// checks the same files in the real browser through the extension).

const SOF_600x400 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x90, 0x02, 0x58, 0x03, ...new Array(9).fill(0)];
const SOS = [0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 63, 0];
const jpeg = Buffer.from([0xff, 0xd8, ...SOF_600x400, ...SOS, 0, 0, 0xff, 0xd9]);
const png = PNG.sync.write(new PNG({ width: 60, height: 40 }));

describe('the header reader turns a JPEG exactly when Chrome does', () => {
  it.each(jpegExifVariants(jpeg).map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    expect(sniffImage(variant.bytes)).toEqual({ format: 'jpeg', exact: true, ...(variant.orientation >= 5 ? { width: 400, height: 600 } : { width: 600, height: 400 }) });
  });
});

describe('the header reader turns a PNG exactly when Chrome does', () => {
  it.each(pngExifVariants(png).map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    expect(sniffImage(variant.bytes)).toEqual({ format: 'png', exact: true, ...(variant.orientation >= 5 ? { width: 40, height: 60 } : { width: 60, height: 40 }) });
  });
});

describe('exifOrientation', () => {
  it('reads every valid value in either byte order', () => {
    for (const order of ['II', 'MM'] as const) for (let v = 1; v <= 8; v++) expect(exifOrientation(tiffBlock({ order, ifd0: [orientationEntry(v)] }))).toBe(v);
  });

  it('gives 1 for a block too short, cut inside its IFD, or pointing past its end', () => {
    expect(exifOrientation(new Uint8Array(7))).toBe(1);
    const tiff = tiffBlock({ ifd0: [orientationEntry(6)] });
    expect(exifOrientation(tiff.subarray(0, 8 + 2 + 11))).toBe(1); // the entry is one byte short
    const far = Buffer.from(tiff);
    far.writeUInt32BE(1_000, 4);
    expect(exifOrientation(far)).toBe(1);
  });

  it('follows the Exif sub-IFD from IFD0 only, so a sub-IFD linking back to itself ends', () => {
    const tiff = tiffBlock({ ifd0: [], exifIfd: [{ tag: 0x8769, type: 4, count: 1, value: 0 }] });
    const subAt = tiff.readUInt32BE(8 + 2 + 8); // IFD0's only entry is the link
    tiff.writeUInt32BE(subAt, subAt + 2 + 8); // the sub-IFD links to itself
    expect(exifOrientation(tiff)).toBe(1);
  });
});
