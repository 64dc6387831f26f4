import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../core/model-loader.js';
import { loadShopPhotos, SHOP_PHOTOS_DIR, type ShopPhoto } from '../../pipeline/eval/shop-photos.js';
import { setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { labelPage, readBadges, readImageBoxes, tabIdOf, waitForBadges } from '../../harness/page-scan-driver.js';
import { openRealPopup } from '../../harness/real-popup.js';
import { BAD_PATHS, startShopServer, type ShopServer } from '../../harness/shop-server.js';
import { shopPhotoPath, shopPhotoProducts } from '../../harness/shop-photo-products.js';
import { gridPage } from '../../harness/grid-page.js';
import { classifyInNode, loadReferenceModel } from '../helpers/reference-classifier.js';

// "Label this page" end to end: the built extension in real Chromium labels the loopback shop's
// grid of the project's real product photos. Every product image gets a badge at its corner whose
// top-1 is Node's for that photo; the 1x1 tracking pixel gets none.

let photos: ShopPhoto[];
let shop: ShopServer;
let browser: ExtensionBrowser;
let worker: Worker;
let reference: LoadedFashionModel;

const photoPath = shopPhotoPath;

beforeAll(async () => {
  photos = await loadShopPhotos();
  const products = shopPhotoProducts(photos);
  const paths = photos.map(photoPath);
  shop = await startShopServer(products, {
    '/grid': { html: gridPage({ photos: paths.slice(0, 24), later: paths.slice(24), decoration: BAD_PATHS.svg }) },
    '/about': { html: gridPage({ photos: [], decoration: paths[0]! }) },
  });
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

describe('Label this page', () => {
  it("labels every product photo of a shop grid with Node's top-1, at the photo's corner, and skips the tracking pixel", async () => {
    const page = await browser.context.newPage();
    await page.goto(shop.url('/'));
    await page.waitForLoadState('load');
    await labelPage(worker, await tabIdOf(worker, shop.url('/'), page));

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

  it('from the popup: counts each class, filters the page by class, and "Clear labels" leaves the DOM as it was', async () => {
    const page = await browser.context.newPage();
    await page.goto(shop.url('/'));
    await page.waitForLoadState('load');
    const before = await page.evaluate('document.documentElement.outerHTML');
    const popup = await openRealPopup(browser, worker, page);
    await popup.waitFor(`document.querySelector('.page-scan button.primary')`);
    await popup.click('.page-scan button.primary');
    await popup.waitFor(`document.querySelector('.scan-summary')?.textContent.includes('Labelled ${photos.length} of ${photos.length + 1}')`);

    const expected = new Map<string, number>();
    for (const photo of photos) {
      const top1 = classifyInNode(reference, readFileSync(join(SHOP_PHOTOS_DIR, photo.file))).top3[0]!.label;
      expected.set(top1, (expected.get(top1) ?? 0) + 1);
    }
    const counts = await popup.evaluate<[string, string][]>(
      `[...document.querySelectorAll('.class-filter label')].slice(1).map((l) => [l.textContent.replace(/\\d+$/, '').trim(), l.querySelector('.count').textContent])`,
    );
    expect(new Map(counts.map(([name, n]) => [name, Number(n)]))).toEqual(expected);
    expect(await popup.evaluate<string>(`document.querySelector('.scan-summary p').textContent`)).toContain('1 could not be read');

    // Filter by the most common class: exactly its images are outlined, every other labelled image is veiled.
    const [wanted] = [...expected.entries()].sort((a, b) => b[1] - a[1])[0]!;
    await popup.evaluate(`[...document.querySelectorAll('.class-filter label')].find((l) => l.textContent.trim().startsWith(${JSON.stringify(wanted)})).querySelector('input').click()`);
    let outlined: { left: number; top: number }[] = [];
    for (let waited = 0; outlined.length === 0 && waited < 10_000; waited += 100) {
      await page.waitForTimeout(100);
      outlined = await page.evaluate(`[...document.querySelector('fashion-lens-labels').shadowRoot.querySelectorAll('.match')].map((m) => ({ left: parseFloat(m.style.left), top: parseFloat(m.style.top) }))`);
    }
    const badges = await readBadges(page);
    const ofClass = badges.filter((b) => b.text.startsWith(`${wanted} `));
    expect(outlined).toHaveLength(expected.get(wanted)!);
    expect(outlined.map((m) => `${m.left + 4},${m.top + 4}`).sort()).toEqual(ofClass.map((b) => `${b.left},${b.top}`).sort());
    const veiled = await page.evaluate<number>(`document.querySelector('fashion-lens-labels').shadowRoot.querySelectorAll('.veil').length`);
    expect(veiled).toBe(badges.length - ofClass.length);
    if (process.env.FASHION_LENS_PICTURES) {
      await popup.screenshot(join(process.env.FASHION_LENS_PICTURES, 'popup-page-scan.png'));
      await page.setViewportSize({ width: 1000, height: 700 });
      await page.screenshot({ path: join(process.env.FASHION_LENS_PICTURES, 'label-page-filter.png') });
    }

    await popup.click('.page-scan .link-button');
    for (let waited = 0; (await page.evaluate('Boolean(document.querySelector("fashion-lens-labels"))')) && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    expect(await page.evaluate('document.documentElement.outerHTML')).toBe(before);
    await page.close();
  });

  it('labels a grid page: icons, logo and hidden image get no badge; products loaded on scrolling are labelled when they appear', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(shop.url('/grid'));
    await page.waitForLoadState('load');
    await labelPage(worker, await tabIdOf(worker, shop.url('/grid'), page));
    const first = await waitForBadges(page, 24);
    await page.waitForTimeout(500);
    expect(await readBadges(page)).toHaveLength(24); // not the logo, the cart icon or the hidden image
    expect(first.every((b) => /\d+%$/.test(b.text))).toBe(true);
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    const all = await waitForBadges(page, photos.length);
    const boxes = await readImageBoxes(page);
    for (const photo of photos.slice(24)) {
      const box = boxes.find((b) => b.src === shop.url(photoPath(photo)) && b.top > 0)!;
      const badge = all.find((b) => Math.abs(b.left - (box.left + 4)) < 0.5 && Math.abs(b.top - (box.top + 4)) < 0.5);
      const node = classifyInNode(reference, readFileSync(join(SHOP_PHOTOS_DIR, photo.file)));
      expect(badge?.text, photo.file).toBe(`${node.top3[0]!.label} ${Math.round(node.top3[0]!.probability * 100)}%`);
    }
    if (process.env.FASHION_LENS_PICTURES) {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(process.env.FASHION_LENS_PICTURES, 'label-grid.png') });
    }
    await page.close();
  });

  it('says so on a page with no product images, instead of an empty progress', async () => {
    const page = await browser.context.newPage();
    await page.goto(shop.url('/about'));
    await page.waitForLoadState('load');
    const popup = await openRealPopup(browser, worker, page);
    await popup.waitFor(`document.querySelector('.page-scan button.primary')`);
    await popup.click('.page-scan button.primary');
    await popup.waitFor(`document.querySelector('.scan-summary')?.textContent.includes('No product images on this page')`);
    expect(await readBadges(page)).toHaveLength(0);
    await page.close();
  });
});
