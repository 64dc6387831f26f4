import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../../../extension/lib/offscreen/sniff-image';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
const le16 = (n: number) => [n & 0xff, n >> 8];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

describe('sniffImage', () => {
  it('reads a real PNG’s size from its header', () => {
    const png = PNG.sync.write(new PNG({ width: 37, height: 21 }));
    expect(sniffImage(new Uint8Array(png))).toEqual({ format: 'png', width: 37, height: 21 });
  });

  it('finds a JPEG’s start-of-frame after other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0)];
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x03, ...new Array(9).fill(0)];
    expect(sniffImage(bytes([0xff, 0xd8], app0, sof2))).toEqual({ format: 'jpeg', height: 300, width: 200 });
  });

  it('reads GIF, BMP and the three WebP layouts', () => {
    expect(sniffImage(bytes('GIF89a', le16(640), le16(480)))).toEqual({ format: 'gif', width: 640, height: 480 });
    expect(sniffImage(bytes('BM', new Array(16).fill(0), le32(8000), le32(-5000 >>> 0)))).toEqual({ format: 'bmp', width: 8000, height: 5000 });
    const riff = (chunk: string, body: number[]) => bytes('RIFF', le32(100), 'WEBP', chunk, body);
    expect(sniffImage(riff('VP8X', [...new Array(8).fill(0), 0x1f, 0x03, 0x00, 0xdf, 0x01, 0x00]))).toEqual({ format: 'webp', width: 800, height: 480 });
    expect(sniffImage(riff('VP8 ', [...new Array(10).fill(0), ...le16(320), ...le16(240)]))).toEqual({ format: 'webp', width: 320, height: 240 });
    const vp8l = (99 & 0x3fff) | ((49 & 0x3fff) << 14); // width-1, height-1
    expect(sniffImage(riff('VP8L', [0, 0, 0, 0, 0x2f, ...le32(vp8l)]))).toEqual({ format: 'webp', width: 100, height: 50 });
  });

  it('recognises AVIF without a size (the decoder checks it)', () => {
    expect(sniffImage(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]))).toEqual({ format: 'avif' });
  });

  it('tells SVG and HTML apart from photos', () => {
    expect(sniffImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')).format).toBe('svg');
    expect(sniffImage(bytes('\n<?xml version="1.0"?>\n<svg></svg>')).format).toBe('svg');
    expect(sniffImage(bytes('<!DOCTYPE html><html><body>Shop</body></html>')).format).toBe('html');
    expect(sniffImage(bytes('{"not":"an image"}')).format).toBeNull();
    expect(sniffImage(new Uint8Array()).format).toBeNull();
  });
});
