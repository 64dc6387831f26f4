import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cornerColour } from '../../core/conversion/corner-colour.js';
import { findContentBox, TRIM_DISTANCE } from '../../core/conversion/trim-to-content.js';
import type { FinishedEntry } from '../../extension/lib/types.js';
import { clickClassify, setSettings } from '../../harness/extension-driver.js';
import { extensionRendererPids, peakResidentMiB } from '../helpers/extension-renderer.js';
import { hugeFlatJpeg } from '../helpers/huge-jpeg.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { blankImages } from '../../harness/blank-images.js';
import { decodedShape, resizeRequest } from '../../extension/lib/offscreen/decoded-shape.js';
import { jpegExifVariants, pngExifVariants } from '../helpers/exif-variants.js';
import { jpegWithOrientation, pngWithOrientation } from '../helpers/oriented-images.js';
import { decodePng, encodePng } from '../../harness/product-photos.js';
import { startShopServer, type ShopServer } from '../../harness/shop-server.js';
import { SHOP_PHOTOS_DIR } from '../../pipeline/eval/shop-photos/load-shop-photos.js';

// Images a page can hand the extension that are not what they seem: a phone photo stored on its
// side, a small file that decodes to 400 megapixels. (A crash of the extension's renderer cannot be
// recovered from inside: Chrome turns the whole extension off, so the decode bomb must not crash it.)

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;
let page: Page;

const BOMB_PATH = '/products/poster.jpg';
const SNEAKER = join(SHOP_PHOTOS_DIR, '7_Sneaker', 'saleor-dash-force-1.png');

function done(entry: FinishedEntry) {
  if (entry.status !== 'done') throw new Error(`expected a result, got: ${entry.error.message}`);
  return entry.result;
}

/** A real sneaker photo cropped to the shoe with a margin: wide, so a squash changes what the model sees. */
function wideSneakerPng(): Buffer {
  const photo = decodePng(readFileSync(SNEAKER));
  const box = findContentBox(photo, cornerColour(photo, TRIM_DISTANCE))!;
  const margin = 20;
  const x0 = Math.max(0, box.x0 - margin);
  const y0 = Math.max(0, box.y0 - margin);
  const width = Math.min(photo.width, box.x1 + margin) - x0;
  const height = Math.min(photo.height, box.y1 + margin) - y0;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) data.set(photo.data.subarray(((y0 + y) * photo.width + x0) * 4, ((y0 + y) * photo.width + x0 + width) * 4), y * width * 4);
  return encodePng({ data, width, height });
}

/**
 * JPEGs made by Chromium's own encoder from one picture: as it shows (upright), and stored a
 * quarter-turn anticlockwise, as a phone held on its side stores it (Exif orientation 6 says
 * "turn clockwise to show").
 */
async function uprightAndStoredOnItsSide(png: Buffer): Promise<{ upright: Buffer; onItsSide: Buffer; width: number; height: number }> {
  // Runs in the page (this file has Node types, not the DOM's, so the code is a string).
  const made = (await page.evaluate(`(async () => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,${png.toString('base64')}')).blob());
    const { width, height } = bitmap;
    const encode = async (canvas) => {
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    };
    const upright = new OffscreenCanvas(width, height);
    const u = upright.getContext('2d');
    u.fillStyle = '#fff';
    u.fillRect(0, 0, width, height);
    u.drawImage(bitmap, 0, 0);
    const side = new OffscreenCanvas(height, width);
    const s = side.getContext('2d');
    s.translate(0, width);
    s.rotate(-Math.PI / 2);
    s.drawImage(upright, 0, 0);
    return { upright: await encode(upright), onItsSide: await encode(side), width, height };
  })()`)) as { upright: string; onItsSide: string; width: number; height: number };
  return { upright: Buffer.from(made.upright, 'base64'), onItsSide: Buffer.from(made.onItsSide, 'base64'), width: made.width, height: made.height };
}

/** `png` drawn on white at width x height and encoded by Chromium as a JPEG with no Exif: the pixels stored as shot. */
async function jpegAt(png: Buffer, width: number, height: number): Promise<Buffer> {
  const made = (await page.evaluate(`(async () => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,${png.toString('base64')}')).blob());
    const canvas = new OffscreenCanvas(${width}, ${height});
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, ${width}, ${height});
    context.drawImage(bitmap, 0, 0, ${width}, ${height});
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  })()`)) as string;
  return Buffer.from(made, 'base64');
}

/** The size Chromium shows the image at in a page (an <img>'s natural size, Exif orientation applied as Chrome applies it). */
async function shownSize(url: string): Promise<{ width: number; height: number }> {
  return (await page.evaluate(`(async () => {
    const image = new Image();
    image.src = '${url}';
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  })()`)) as { width: number; height: number };
}

const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

beforeAll(async () => {
  shop = await startShopServer([{ name: 'poster', png: hugeFlatJpeg(20_000, true), path: BOMB_PATH, contentType: 'image/jpeg' }]);
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
  page = await browser.context.newPage();
  await page.goto(shop.url('/'));
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('a JPEG whose Exif orientation turns it', () => {
  it('is classified like its upright copy (the browser turns it; the decode keeps its shape)', async () => {
    const { upright, onItsSide, width, height } = await uprightAndStoredOnItsSide(wideSneakerPng());
    expect(width).toBeGreaterThan(height * 1.15); // wide enough that a squash shows
    const asShot = done(await clickClassify(worker, `data:image/jpeg;base64,${upright.toString('base64')}`));
    const turned = done(await clickClassify(worker, `data:image/jpeg;base64,${jpegWithOrientation(onItsSide, 6).toString('base64')}`));
    expect({ width: turned.imageWidth, height: turned.imageHeight }).toEqual({ width, height });
    const differences = turned.input.map((value, i) => Math.abs(value - asShot.input[i]!));
    expect(Math.max(...differences), 'the two 28x28 inputs differ only by JPEG noise').toBeLessThanOrEqual(24);
    expect(turned.top3.map((p) => p.label)).toEqual(asShot.top3.map((p) => p.label));
  });
});

describe('a decode bomb', () => {
  it('refuses a 1.5 MB JPEG of 20000 x 20000 pixels hidden behind a stray byte, before decoding it', async () => {
    const entry = await clickClassify(worker, shop.url(BOMB_PATH));
    expect(entry.status === 'error' && entry.error).toEqual({
      code: 'too-many-pixels',
      message: 'The image is 20000 x 20000 pixels (400.0 megapixels); Fashion Lens decodes at most 25 megapixels. Try a smaller version of the image.',
    });
    const pids = extensionRendererPids(browser.profileDir);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) expect(peakResidentMiB(pid), `peak memory of renderer ${pid}`).toBeLessThan(600);
  });
});

describe('a JPEG whose Exif orientation tag Chrome reads its own way (issue 19)', () => {
  // Every way a file in the wild writes the tag (tests/helpers/exif-variants.ts), on a real
  // sneaker photo stored wide: the extension must classify the picture at the size Chrome shows,
  // and see exactly what it sees for the same picture with a plain tag (or none). Before, a tag
  // Chrome ignores (a LONG, a count of 2, a second Exif block after an explicit 1) was read
  // anyway: the header promised the edges swapped and the decode squashed the photo into them.
  for (const width of [1488, 744]) {
    it(`gets the shape Chrome shows for every variant, ${width} pixels wide as stored (${width > 1024 ? 'decoded reduced' : 'decoded at full size'})`, async () => {
      const sneaker = wideSneakerPng();
      const height = Math.round((width * decodePng(sneaker).height) / decodePng(sneaker).width);
      const stored = await jpegAt(sneaker, width, height);
      // What the extension sees for the picture with a plain tag saying the orientation Chrome applies.
      const references = new Map<number, FinishedEntry>();
      const reference = async (orientation: number) => {
        if (!references.has(orientation)) references.set(orientation, await clickClassify(worker, dataUrl('image/jpeg', jpegWithOrientation(stored, orientation))));
        return done(references.get(orientation)!);
      };
      const wrong: string[] = [];
      for (const variant of jpegExifVariants(stored)) {
        const turned = variant.orientation >= 5;
        const shown = await shownSize(dataUrl('image/jpeg', variant.bytes));
        expect(shown, `${variant.name}: Chromium shows it ${turned ? 'turned' : 'as stored'}`).toEqual(turned ? { width: height, height: width } : { width, height });
        const result = done(await clickClassify(worker, dataUrl('image/jpeg', variant.bytes)));
        const expected = await reference(variant.orientation);
        const same = result.imageWidth === shown.width && result.imageHeight === shown.height && result.input.every((v, i) => v === expected.input[i]);
        if (!same) wrong.push(`${variant.name}: classified at ${result.imageWidth}x${result.imageHeight} as ${result.top3[0]!.label}, Chrome shows ${shown.width}x${shown.height}`);
      }
      expect((await reference(6)).imageWidth).toBe(height);
      expect(wrong).toEqual([]);
    });
  }

  it('gets the shape Chrome shows for every PNG eXIf variant', async () => {
    const png = wideSneakerPng();
    const { width, height } = decodePng(png);
    const wrong: string[] = [];
    for (const variant of pngExifVariants(png)) {
      const shown = await shownSize(dataUrl('image/png', variant.bytes));
      expect(shown, variant.name).toEqual(variant.orientation >= 5 ? { width: height, height: width } : { width, height });
      const result = done(await clickClassify(worker, dataUrl('image/png', variant.bytes)));
      const expected = done(await clickClassify(worker, dataUrl('image/png', pngWithOrientation(png, variant.orientation))));
      const same = result.imageWidth === shown.width && result.imageHeight === shown.height && result.input.every((v, i) => v === expected.input[i]);
      if (!same) wrong.push(`${variant.name}: classified at ${result.imageWidth}x${result.imageHeight}, Chrome shows ${shown.width}x${shown.height}`);
    }
    expect(wrong).toEqual([]);
  });

  it("decodes in Chromium to a shape that gives a wrong promise away, so the safety net can catch it", async () => {
    // The net in decodeImage relies on this: asked for one edge only, Chromium keeps the aspect it shows.
    const stored = await jpegAt(wideSneakerPng(), 1488, 496);
    const sideways = jpegWithOrientation(stored, 6); // Chrome shows 496x1488
    for (const promised of [{ width: 496, height: 1488 }, { width: 1488, height: 496 }]) {
      const request = resizeRequest(promised, { width: promised.width > promised.height ? 1024 : 341, height: promised.width > promised.height ? 341 : 1024 });
      const bitmap = (await page.evaluate(`(async () => {
        const blob = await (await fetch('${dataUrl('image/jpeg', sideways)}')).blob();
        const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', resizeQuality: 'high', ...${JSON.stringify(request)} });
        return { width: bitmap.width, height: bitmap.height };
      })()`)) as { width: number; height: number };
      expect(decodedShape(promised, request, bitmap), `promised ${promised.width}x${promised.height}, decoded ${bitmap.width}x${bitmap.height}`).toBe(promised.width === 496 ? 'as-promised' : 'turned');
    }
  });
});

describe('a blank image (issue 19)', () => {
  it.each(blankImages().map(({ name, image }) => [name, image] as const))('%s is refused with the sentence, not labelled', async (_name, image) => {
    const entry = await clickClassify(worker, dataUrl('image/png', encodePng(image)));
    expect(entry.status === 'error' ? entry.error : `labelled ${entry.result.top3[0]!.label}`).toEqual({
      code: 'blank-image',
      message: expect.stringMatching(/^This image is blank or nearly so \(a placeholder, spacer or plain swatch\)/),
    });
  });
});
