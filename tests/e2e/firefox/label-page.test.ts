import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../../core/model-loader.js';
import { loadShopPhotos, SHOP_PHOTOS_DIR, type ShopPhoto } from '../../../pipeline/eval/shop-photos.js';
import { labelPageInFirefox, setFirefoxSettings } from '../../../harness/firefox-driver.js';
import { launchFirefoxExtension, type FirefoxExtension } from '../../../harness/launch-firefox-extension.js';
import { readImageBoxes, waitForBadges } from '../../../harness/page-scan-driver.js';
import { shopPhotoPath, shopPhotoProducts } from '../../../harness/shop-photo-products.js';
import { startShopServer, type ShopServer } from '../../../harness/shop-server.js';
import { classifyInNode, loadReferenceModel } from '../../helpers/reference-classifier.js';

// "Label this page" in Firefox (scripting + activeTab, the labeller's messages to the background
// page): as in Chrome (tests/e2e/label-page.test.ts), every product photo of the loopback shop
// gets a badge at its corner with Node's top-1, the SVG logo a badge saying why not.

let photos: ShopPhoto[];
let shop: ShopServer;
let firefox: FirefoxExtension;
let reference: LoadedFashionModel;

beforeAll(async () => {
  photos = await loadShopPhotos();
  shop = await startShopServer(shopPhotoProducts(photos));
  reference = await loadReferenceModel(inject('modelsDir'), 'cnn');
  firefox = await launchFirefoxExtension(inject('extensionDir'));
});

afterAll(async () => {
  await firefox?.close();
  await shop?.close();
  reference?.model.dispose();
});

describe('Label this page in Firefox', () => {
  it("labels every product photo of the shop with Node's top-1, at the photo's corner", async () => {
    const extensionPage = await firefox.openPage('popup.html');
    await setFirefoxSettings(extensionPage, { modelId: 'cnn', backend: 'auto' });
    const page = await firefox.browser.newPage();
    await page.goto(shop.url('/'), { waitUntil: 'load' });
    await labelPageInFirefox(extensionPage, shop.url('/'));

    // 36 photos + the SVG logo (refused: its badge says why); the 1x1 pixel is too small to be a product.
    const badges = await waitForBadges(page, photos.length + 1);
    expect(badges).toHaveLength(photos.length + 1);
    const boxes = await readImageBoxes(page);
    for (const photo of photos) {
      const box = boxes.find((b) => b.src === shop.url(shopPhotoPath(photo)))!;
      const badge = badges.find((b) => Math.abs(b.left - (box.left + 4)) < 0.5 && Math.abs(b.top - (box.top + 4)) < 0.5);
      expect.soft(badge, `a badge on ${photo.file}`).toBeDefined();
      const node = classifyInNode(reference, readFileSync(join(SHOP_PHOTOS_DIR, photo.file)));
      expect.soft(badge?.text, photo.file).toBe(`${node.top3[0]!.label} ${Math.round(node.top3[0]!.probability * 100)}%`);
    }
  });
});
