import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../core/model-loader.js';
import { loadShopPhotos, SHOP_PHOTOS_DIR, type ShopPhoto } from '../../pipeline/eval/shop-photos.js';
import { setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { labelPage, readBadges, readImageBoxes, tabIdOf, type PageBadge } from '../../harness/page-scan-driver.js';
import { startShopServer, type Product, type ShopServer } from '../../harness/shop-server.js';
import { classifyInNode, loadReferenceModel } from '../helpers/reference-classifier.js';

// "Label this page" end to end: the built extension in real Chromium labels the loopback shop's
// grid of the project's real product photos. Every product image gets a badge at its corner whose
// top-1 is Node's for that photo; the 1x1 tracking pixel gets none.

let photos: ShopPhoto[];
let shop: ShopServer;
let browser: ExtensionBrowser;
let worker: Worker;
let reference: LoadedFashionModel;

const photoPath = (photo: ShopPhoto) => `/shop-photos/${photo.file}`;

beforeAll(async () => {
  photos = await loadShopPhotos();
  const products: Product[] = photos.map((photo) => ({
    name: photo.file,
    png: readFileSync(join(SHOP_PHOTOS_DIR, photo.file)),
    path: photoPath(photo),
    contentType: photo.file.endsWith('.png') ? 'image/png' : 'image/jpeg',
  }));
  shop = await startShopServer(products);
  reference = await loadReferenceModel(inject('modelsDir'), 'cnn');
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  reference?.model.dispose();
});

/** Waits until the page shows `count` badges and none is still coming; returns them. */
async function waitForBadges(page: Page, count: number): Promise<PageBadge[]> {
  for (let waited = 0; ; waited += 100) {
    const badges = await readBadges(page);
    if (badges.length >= count) return badges;
    if (waited > 90_000) throw new Error(`Only ${badges.length} of ${count} badges appeared within 90 s.`);
    await page.waitForTimeout(100);
  }
}

describe('Label this page', () => {
  it("labels every product photo of a shop grid with Node's top-1, at the photo's corner, and skips the tracking pixel", async () => {
    const page = await browser.context.newPage();
    await page.goto(shop.url('/'));
    await page.waitForLoadState('load');
    await labelPage(worker, await tabIdOf(worker, shop.url('/')));

    // 36 photos + the SVG logo (refused: its badge says why); the 1x1 pixel is too small to be a product.
    const badges = await waitForBadges(page, photos.length + 1);
    expect(badges).toHaveLength(photos.length + 1);
    const boxes = await readImageBoxes(page);
    for (const photo of photos) {
      const box = boxes.find((b) => b.src === shop.url(photoPath(photo)))!;
      const badge = badges.find((b) => Math.abs(b.left - (box.left + 4)) < 0.5 && Math.abs(b.top - (box.top + 4)) < 0.5);
      expect(badge, `a badge on ${photo.file}`).toBeDefined();
      const node = classifyInNode(reference, readFileSync(join(SHOP_PHOTOS_DIR, photo.file)));
      expect(badge!.text, photo.file).toBe(`${node.top3[0]!.label} ${Math.round(node.top3[0]!.probability * 100)}%`);
      expect(badge!.ariaLabel).toContain(node.top3[1]!.label);
    }
    const logo = badges.find((b) => !b.text.match(/\d+%$/));
    expect(logo?.ariaLabel).toMatch(/SVG|drawing/i);
    // FASHION_LENS_PICTURES=dir keeps a picture of the labelled page (the README's is made this way).
    if (process.env.FASHION_LENS_PICTURES) {
      await page.setViewportSize({ width: 1000, height: 700 });
      await page.focus('fashion-lens-labels >> .badge >> nth=2');
      await page.screenshot({ path: join(process.env.FASHION_LENS_PICTURES, 'label-page.png') });
    }
    await page.close();
  });
});
