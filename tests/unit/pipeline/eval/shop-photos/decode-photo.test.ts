import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePhoto, SHOP_PHOTOS_DIR } from '../../../../../pipeline/eval/shop-photos.js';

const photo = (file: string) => readFileSync(join(SHOP_PHOTOS_DIR, file));
const sha256 = (data: NodeJS.ArrayBufferView) => createHash('sha256').update(data).digest('hex');

describe('decodePhoto', () => {
  // SHA-256 of the RGBA that Chromium 156 gives for the same files (createImageBitmap drawn on a
  // canvas, as the extension decodes). libjpeg-turbo with Chrome's settings matches it exactly;
  // jpeg-js, a pure-JS decoder, was up to 58 levels off on these.
  it.each([
    ['8_Bag/ror_bag.jpeg', 360, 360, 'b1cc84537b47ba8e239f5e2315c0e7afd5faf361cde440f54d7254808ad1d258'],
    ['0_T-shirt_top/solidus_womens_tshirt.jpg', 800, 800, 'ef3c00210374c767f3f8a1abcfed90fd798d0751dfc079ce454c6dc73676a556'],
    ['2_Pullover/ruby_hoodie.jpg', 800, 800, 'ba4e4eddc42842ac4db44a0c2b11b05beedb992934006a3a27488647e2ac0a1c'],
  ])('decodes the JPEG %s to the very pixels Chrome decodes', (file, width, height, chromeSha256) => {
    const image = decodePhoto(photo(file));
    expect({ width: image.width, height: image.height }).toEqual({ width, height });
    expect(image.data).toHaveLength(width * height * 4);
    expect(sha256(image.data)).toBe(chromeSha256);
  });

  it('keeps a PNG\'s transparency: RGBA PNGs and palette PNGs with a transparency chunk', () => {
    for (const file of ['7_Sneaker/saleor-dash-force-1.png', '2_Pullover/solidus_hoodie_red_1.png']) {
      const { data, width, height } = decodePhoto(photo(file));
      expect(data, file).toHaveLength(width * height * 4);
      const alphas = new Set(data.filter((_, i) => i % 4 === 3));
      expect(alphas.has(0), `${file}: transparent corners`).toBe(true);
      expect(data[3], file).toBe(0);
      expect(alphas.has(255), `${file}: an opaque item`).toBe(true);
      expect([...alphas].some((a) => a > 0 && a < 255), `${file}: soft edges or shadow`).toBe(true);
    }
  });

  it('recognises the format by its bytes, not its name, and says when it is neither', () => {
    expect(() => decodePhoto(new TextEncoder().encode('<!doctype html>'))).toThrow('it is neither a PNG nor a JPEG (its first bytes are neither signature)');
    expect(() => decodePhoto(new Uint8Array(0))).toThrow('neither a PNG nor a JPEG');
  });

  it('throws on a broken JPEG or PNG instead of returning garbage', () => {
    const jpeg = photo('8_Bag/ror_bag.jpeg');
    expect(() => decodePhoto(Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(500, 7)]))).toThrow();
    const png = photo('7_Sneaker/saleor-dash-force-1.png');
    expect(() => decodePhoto(png.subarray(0, 2000))).toThrow();
    expect(decodePhoto(jpeg).width).toBe(360); // the decoder still works after a failure
  });
});
