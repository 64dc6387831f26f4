import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../../../extension/lib/offscreen/sniff-image';
import { hugeFlatJpeg } from '../../../../helpers/huge-jpeg';
import { jpegWithOrientation, pngWithOrientation } from '../../../../helpers/oriented-images';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
const le16 = (n: number) => [n & 0xff, n >> 8];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

describe('sniffImage', () => {
  it('reads a real PNG’s size from its header', () => {
    const png = PNG.sync.write(new PNG({ width: 37, height: 21 }));
    expect(sniffImage(new Uint8Array(png))).toEqual({ format: 'png', width: 37, height: 21, exact: true });
  });

  it('finds a JPEG’s start-of-frame after other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)];
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x03, ...new Array(9).fill(0)];
    expect(sniffImage(bytes([0xff, 0xd8], app0, sof2))).toEqual({ format: 'jpeg', height: 300, width: 200, exact: true });
  });

  it('finds the frame size past a stray byte, as libjpeg does (it skips the byte and decodes)', () => {
    expect(sniffImage(hugeFlatJpeg(20_000, true))).toEqual({ format: 'jpeg', width: 20_000, height: 20_000, exact: true });
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0x00, 0x17, 0xff, 0xff], [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x03, ...new Array(9).fill(0)]))).toMatchObject({ width: 200, height: 300 });
  });

  it('gives no JPEG size when the scan starts before any frame header', () => {
    expect(sniffImage(bytes([0xff, 0xd8], [0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 63, 0], new Array(20).fill(0)))).toEqual({ format: 'jpeg' });
  });

  it('reports the size as shown when Exif turns the picture a quarter (JPEG APP1, PNG eXIf)', () => {
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x90, 0x02, 0x58, 0x03, ...new Array(9).fill(0)]; // 600 wide, 400 high
    const jpeg = bytes([0xff, 0xd8], sof);
    expect(sniffImage(jpegWithOrientation(jpeg, 6))).toEqual({ format: 'jpeg', width: 400, height: 600, exact: true });
    expect(sniffImage(jpegWithOrientation(jpeg, 3))).toEqual({ format: 'jpeg', width: 600, height: 400, exact: true });
    const png = PNG.sync.write(new PNG({ width: 60, height: 40 }));
    expect(sniffImage(pngWithOrientation(png, 8))).toEqual({ format: 'png', width: 40, height: 60, exact: true });
  });

  it('reads GIF, BMP and the three WebP layouts', () => {
    expect(sniffImage(bytes('GIF89a', le16(640), le16(480), [0, 0, 0]))).toEqual({ format: 'gif', width: 640, height: 480 });
    expect(sniffImage(bytes('BM', new Array(16).fill(0), le32(8000), le32(-5000 >>> 0)))).toEqual({ format: 'bmp', width: 8000, height: 5000, exact: true });
    const riff = (chunk: string, body: number[]) => bytes('RIFF', le32(100), 'WEBP', chunk, body);
    expect(sniffImage(riff('VP8X', [...new Array(8).fill(0), 0x1f, 0x03, 0x00, 0xdf, 0x01, 0x00]))).toEqual({ format: 'webp', width: 800, height: 480, exact: true });
    expect(sniffImage(riff('VP8 ', [...new Array(10).fill(0), ...le16(320), ...le16(240)]))).toEqual({ format: 'webp', width: 320, height: 240, exact: true });
    const vp8l = (99 & 0x3fff) | ((49 & 0x3fff) << 14); // width-1, height-1
    expect(sniffImage(riff('VP8L', [0, 0, 0, 0, 0x2f, ...le32(vp8l)]))).toEqual({ format: 'webp', width: 100, height: 50, exact: true });
  });

  it('grows a GIF to a frame larger than its logical screen, however late the frame comes', () => {
    const frame = (x: number, y: number, w: number, h: number) => [0x2c, ...le16(x), ...le16(y), ...le16(w), ...le16(h), 0x00, 0x02, 0x02, 0x44, 0x01, 0x00];
    const extension = [0x21, 0xf9, 0x04, 0, 0, 0, 0, 0x00];
    const gif = bytes('GIF89a', le16(100), le16(100), [0x80, 0, 0], new Array(6).fill(0), extension, frame(0, 0, 100, 100), extension, frame(50, 10, 20000, 300), [0x3b]);
    expect(sniffImage(gif)).toEqual({ format: 'gif', width: 20050, height: 310 });
  });

  const box = (type: string, body: number[]) => [...[0, 0, 0, 8 + body.length].map((b, i) => (i === 3 ? b & 0xff : i === 2 ? (8 + body.length) >> 8 : b)), ...Array.from(type, (c) => c.charCodeAt(0)), ...body];
  const be32 = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

  it('reads an AVIF’s size from its ispe property, turned by irot, and gives none without ispe', () => {
    const ispe = box('ispe', [0, 0, 0, 0, ...be32(30000), ...be32(20000)]);
    const avif = (props: number[]) => bytes(box('ftyp', Array.from('avif\0\0\0\0', (c) => c.charCodeAt(0))), box('meta', [0, 0, 0, 0, ...box('iprp', box('ipco', props))]));
    expect(sniffImage(avif(ispe))).toEqual({ format: 'avif', width: 30000, height: 20000 });
    expect(sniffImage(avif([...ispe, ...box('irot', [1])]))).toEqual({ format: 'avif', width: 20000, height: 30000 });
    expect(sniffImage(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]))).toEqual({ format: 'avif' });
  });

  it('measures an ICO by the largest image it holds, a PNG inside included', () => {
    const png = PNG.sync.write(new PNG({ width: 5000, height: 6000 }));
    const entry = (w: number, h: number, size: number, offset: number) => [w, h, 0, 0, 1, 0, 32, 0, ...le32(size), ...le32(offset)];
    const ico = bytes([0, 0, 1, 0, 2, 0], entry(16, 16, 40, 38), entry(0, 0, png.length, 78), [...le32(40), ...le32(16), ...le32(32)], new Array(28).fill(0), Array.from(png));
    expect(sniffImage(ico)).toEqual({ format: 'ico', width: 5000, height: 6000 });
  });

  it('tells SVG and HTML apart from photos', () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')).format).toBe('svg');
    expect(sniffImage(bytes('\n<?xml version="1.0"?>\n<svg></svg>')).format).toBe('svg');
    expect(sniffImage(bytes('<!DOCTYPE html><html><body>Shop</body></html>')).format).toBe('html');
    expect(sniffImage(bytes('{"not":"an image"}')).format).toBeNull();
    expect(sniffImage(new Uint8Array()).format).toBeNull();
  });
});
