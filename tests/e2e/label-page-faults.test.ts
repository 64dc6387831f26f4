import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadShopPhotos, type ShopPhoto } from '../../pipeline/eval/shop-photos.js';
import { allowOnlySites, clickClassify, setSettings } from '../../harness/extension-driver.js';
import { gridPage } from '../../harness/grid-page.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { labelPage, readBadges, readScanState, tabIdOf, type PageBadge } from '../../harness/page-scan-driver.js';
import { openRealPopup } from '../../harness/real-popup.js';
import { BAD_PATHS, startShopServer, type ShopPage, type ShopServer } from '../../harness/shop-server.js';
import { shopPhotoPath, shopPhotoProducts } from '../../harness/shop-photo-products.js';

// "Label this page" on bad pages and under faults, in real Chromium through the built extension
// (issue 20, item 7): every case ends with badges or a sentence, never a hang or leftovers.

let photos: ShopPhoto[];
let shop: ShopServer;
let browser: ExtensionBrowser;
let worker: Worker;
const shopPages: Record<string, ShopPage> = {};

const photoPath = shopPhotoPath;
const badImage = (path: string) => `<li class="card"><img src="${path}" alt="" width="180" height="180"></li>`;
const BAD = [BAD_PATHS.missing, BAD_PATHS.huge, BAD_PATHS.notImage, BAD_PATHS.htmlPage, BAD_PATHS.svg, BAD_PATHS.tooLarge];

beforeAll(async () => {
  photos = await loadShopPhotos();
  const products = shopPhotoProducts(photos);
  const paths = photos.map(photoPath);
  const thousand = Array.from({ length: 1000 }, (_, i) => `<img src="${paths[i % paths.length]}?copy=${i}" alt="" width="80" height="80">`).join('');
  shop = await startShopServer(products, shopPages);
  Object.assign(shopPages, {
    '/grid': { html: gridPage({ photos: paths, decoration: paths[0]! }) },
    '/mixed': { html: gridPage({ photos: paths.slice(0, 8), decoration: paths[0]!, extraImages: BAD.map(badImage) }) },
    '/strict': {
      html: gridPage({ photos: paths.slice(0, 8), decoration: paths[0]! }),
      headers: { 'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'none'; script-src 'none'" },
    },
    '/thousand': { html: `<!doctype html><html><body>${thousand}</body></html>` },
    '/about': { html: gridPage({ photos: [], decoration: paths[0]! }) },
  });
  // The same shop's photos, half of them from its other name (localhost): another site to Chrome.
  const other = shop.origin.replace('127.0.0.1', 'localhost');
  shopPages['/two-sites'] = { html: gridPage({ photos: [...paths.slice(0, 4), ...paths.slice(4, 8).map((p) => `${other}${p}`)], decoration: paths[0]! }) };
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(shop.url(path));
  await page.waitForLoadState('load');
  return { page, tabId: await tabIdOf(worker, shop.url(path), page) };
}

async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 120_000): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    const value = await read();
    if (done(value)) return value;
    if (waited > ms) throw new Error(`${what}: still ${JSON.stringify(value)?.slice(0, 300)} after ${ms / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const isLabel = (badge: PageBadge) => /\d+%$/.test(badge.text);

describe('Label this page on bad pages', () => {
  it('labels the good images among broken, huge, hostile and SVG ones, whose badges say why', async () => {
    const { page, tabId } = await open('/mixed');
    await labelPage(worker, tabId);
    const badges = await waitUntil('badges', () => readBadges(page), (b) => b.length === 8 + BAD.length);
    expect(badges.filter(isLabel)).toHaveLength(8);
    const refused = badges.filter((b) => !isLabel(b));
    expect(refused).toHaveLength(BAD.length);
    for (const badge of refused) {
      expect(badge.text.length).toBeLessThan(24); // a few words on the page; the sentence is in the tooltip and aria-label
      expect(badge.ariaLabel).toMatch(/^Fashion Lens: not labelled\. .{20,}/);
    }
    const state = await readScanState(worker, tabId);
    expect(state).toMatchObject({ status: 'done', total: 8 + BAD.length, labelled: 8, failed: BAD.length });
    await page.close();
  });

  it('stops at 300 of 1,000 images and says so, without hanging', async () => {
    const { page, tabId } = await open('/thousand');
    const popup = await openRealPopup(browser, worker, page);
    await popup.waitFor(`document.querySelector('.page-scan button.primary')`);
    await popup.click('.page-scan button.primary');
    await waitUntil('the scan', () => readScanState(worker, tabId), (s) => s?.status === 'done' && s.total === 300, 300_000);
    await popup.waitFor(`document.querySelector('.scan-summary')?.textContent.includes('more than 300 product images')`);
    expect(await readScanState(worker, tabId)).toMatchObject({ total: 300, labelled: 300, overCap: 700 });
    expect((await readBadges(page)).length).toBe(1000 - 700); // the 1,000 images show 36 photos, but each address is its own product here
    await page.close();
  });

  it("labels a page whose Content-Security-Policy forbids every style and script, with the badges' own styles", async () => {
    const { page, tabId } = await open('/strict');
    await labelPage(worker, tabId);
    // 8 photos, and the image the page hides with an inline style, which this policy does not let it apply.
    await waitUntil('badges', () => readBadges(page), (b) => b.filter(isLabel).length === 9);
    const style = await page.evaluate(`(() => { const b = document.querySelector('fashion-lens-labels').shadowRoot.querySelector('.badge'); const s = getComputedStyle(b); return [s.position, s.backgroundColor]; })()`);
    expect(style).toEqual(['absolute', 'rgb(31, 111, 120)']);
    await page.close();
  });
});

describe('Label this page under faults', () => {
  it('leaves nothing behind when the tab navigates, reloads or closes mid-scan', async () => {
    const { page, tabId } = await open('/grid');
    await labelPage(worker, tabId);
    await page.goto(shop.url('/about'));
    await page.waitForTimeout(1500);
    expect(await readBadges(page)).toHaveLength(0);
    expect(await readScanState(worker, tabId)).toBeNull();

    await page.goto(shop.url('/grid'));
    await labelPage(worker, tabId);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await readBadges(page)).toHaveLength(0);
    expect(await readScanState(worker, tabId)).toBeNull();

    await labelPage(worker, tabId);
    await page.close();
    await waitUntil('the closed tab state', () => readScanState(worker, tabId), (s) => s === null, 10_000);
  });

  it('shows the running scan in a popup closed and opened again, and answers a right-click made during the scan', async () => {
    const { page, tabId } = await open('/grid');
    let popup = await openRealPopup(browser, worker, page);
    await popup.waitFor(`document.querySelector('.page-scan button.primary')`);
    await popup.click('.page-scan button.primary');
    await popup.evaluate('window.close()');
    const clicked = await clickClassify(worker, shop.url(photoPath(photos[5]!)), shop.url('/grid'));
    expect(clicked.status).toBe('done');
    popup = await openRealPopup(browser, worker, page);
    await popup.waitFor(`/Label(ling|led) \\d+ of ${photos.length}/.test(document.querySelector('.scan-summary')?.textContent ?? '')`);
    await waitUntil('the scan', () => readScanState(worker, tabId), (s) => s?.status === 'done');
    // The popup's count is written as each image is answered; the page draws a batch's badges when the whole batch is back.
    const badges = await waitUntil('every badge', () => readBadges(page), (b) => b.length === photos.length);
    expect(badges.filter((b) => !isLabel(b)).map((b) => b.ariaLabel)).toEqual([]);
    await page.close();
  });

  it('finishes the scan when the service worker is stopped in the middle of it', async () => {
    const { page, tabId } = await open('/grid');
    await labelPage(worker, tabId);
    await waitUntil('the first badges', () => readBadges(page), (b) => b.length > 0);
    worker = await browser.restartServiceWorker();
    const badges = await waitUntil('every badge', () => readBadges(page), (b) => b.length === photos.length);
    // Each image is labelled, or (a batch lost twice) says why.
    for (const badge of badges) expect(isLabel(badge) || /restarted/.test(badge.ariaLabel)).toBe(true);
    await page.close();
  });
});

describe('Label this page with images from a site the user has not allowed', () => {
  it('labels the allowed site\'s images; the others\' badges and the popup say how to allow theirs', async () => {
    // Last in this file: from here on the extension may read the shop's own site only, as a user who allowed that one site.
    await allowOnlySites(browser.context, browser.extensionId, [`${shop.origin}/*`]);
    const { page, tabId } = await open('/two-sites');
    const popup = await openRealPopup(browser, worker, page);
    await popup.waitFor(`document.querySelector('.page-scan button.primary')`);
    await popup.click('.page-scan button.primary');
    const badges = await waitUntil('badges', () => readBadges(page), (b) => b.length === 8);
    expect(badges.filter(isLabel)).toHaveLength(4);
    const other = new URL(shop.origin.replace('127.0.0.1', 'localhost')).host;
    for (const badge of badges.filter((b) => !isLabel(b))) {
      expect(badge.text).toBe('site not allowed');
      expect(badge.ariaLabel).toContain(`may not read images from ${other}`);
      expect(badge.ariaLabel).toContain('Allow and label');
    }
    await popup.waitFor(`document.querySelector('.needs-access')?.textContent.includes(${JSON.stringify(other)})`);
    expect(await popup.evaluate<string>(`document.querySelector('.needs-access button').textContent`)).toBe('Allow and label');
    expect(await readScanState(worker, tabId)).toMatchObject({ labelled: 4, failed: 4 });
    await page.close();
  });
});
