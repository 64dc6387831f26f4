import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../../core/model-loader.js';
import type { FinishedEntry } from '../../../extension/lib/types.js';
import { blankImages } from '../../../harness/blank-images.js';
import { clickClassifyInFirefox, setFirefoxSettings } from '../../../harness/firefox-driver.js';
import { launchFirefoxExtension, type FirefoxExtension } from '../../../harness/launch-firefox-extension.js';
import { encodePng } from '../../../harness/product-photos.js';
import { BAD_PATHS, startShopServer, type ShopServer } from '../../../harness/shop-server.js';
import { hugeFlatJpeg } from '../../helpers/huge-jpeg.js';
import { classifyInNode, loadReferenceModel } from '../../helpers/reference-classifier.js';
import { SHOP_PHOTOS_DIR } from '../../../pipeline/eval/shop-photos/load-shop-photos.js';

// Bad images get the same sentences in Firefox as in Chrome (tests/e2e/hostile-images.test.ts,
// faults.test.ts), and the packaged model works with the network cut.

const BOMB_PATH = '/products/poster.jpg';
const SNEAKER = readFileSync(join(SHOP_PHOTOS_DIR, '7_Sneaker', 'saleor-dash-force-1.png'));

const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
const errorOf = (entry: FinishedEntry) => (entry.status === 'error' ? entry.error : `labelled ${entry.result.top3[0]!.label}`);

let shop: ShopServer;
let reference: LoadedFashionModel;

beforeAll(async () => {
  shop = await startShopServer([{ name: 'poster', png: hugeFlatJpeg(20_000, true), path: BOMB_PATH, contentType: 'image/jpeg' }]);
  reference = await loadReferenceModel(inject('modelsDir'), 'cnn');
});

afterAll(async () => {
  await shop?.close();
  reference?.model.dispose();
});

describe('hostile images in Firefox', () => {
  let firefox: FirefoxExtension;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxExtension(inject('extensionDir'));
    page = await firefox.openPage('popup.html');
    await setFirefoxSettings(page, { modelId: 'cnn', backend: 'auto' });
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('refuses a 1.5 MB JPEG of 20000 x 20000 pixels before decoding it', async () => {
    expect(errorOf(await clickClassifyInFirefox(page, shop.url(BOMB_PATH)))).toEqual({
      code: 'too-many-pixels',
      message: 'The image is 20000 x 20000 pixels (400.0 megapixels); Fashion Lens decodes at most 25 megapixels. Try a smaller version of the image.',
    });
  });

  it('refuses an SVG drawing and a web page with their sentences', async () => {
    expect(errorOf(await clickClassifyInFirefox(page, shop.url(BAD_PATHS.svg)))).toEqual({
      code: 'svg',
      message: 'This is an SVG drawing, not a photo: Fashion Lens classifies photos (JPEG, PNG, WebP, GIF, AVIF, BMP). Right-click a product photo instead.',
    });
    expect(errorOf(await clickClassifyInFirefox(page, shop.url(BAD_PATHS.htmlPage)))).toMatchObject({ code: 'web-page', message: expect.stringMatching(/^That address is a web page \(text\/html/) });
  });

  it.each(blankImages().map(({ name, image }) => [name, image] as const))('refuses a blank image (%s) instead of labelling it', async (_name, image) => {
    expect(errorOf(await clickClassifyInFirefox(page, dataUrl('image/png', encodePng(image))))).toEqual({
      code: 'blank-image',
      message: expect.stringMatching(/^This image is blank or nearly so \(a placeholder, spacer or plain swatch\)/),
    });
  });
});

describe('Firefox with the network cut', () => {
  let firefox: FirefoxExtension;
  let page: Page;

  beforeAll(async () => {
    // Every request, loopback included, goes to a proxy on a port nothing listens on.
    firefox = await launchFirefoxExtension(inject('extensionDir'), {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    });
    page = await firefox.openPage('popup.html');
    await setFirefoxSettings(page, { modelId: 'cnn', backend: 'auto' });
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('loads the packaged model and classifies a photo, while no site can be reached', async () => {
    const entry = await clickClassifyInFirefox(page, dataUrl('image/png', SNEAKER));
    if (entry.status !== 'done') throw new Error(entry.error.message);
    expect(entry.result.top3[0]!.label).toBe(classifyInNode(reference, SNEAKER).top3[0]!.label);
    expect(entry.result.modelId).toBe('cnn');
    // The cut is real: the shop on loopback cannot be reached from the extension.
    expect(errorOf(await clickClassifyInFirefox(page, shop.url(BAD_PATHS.svg)))).toMatchObject({ code: 'unreachable' });
  });
});
