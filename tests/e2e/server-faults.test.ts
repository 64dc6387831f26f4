import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FinishedEntry } from '../../extension/lib/types.js';
import { allowOnlySites, clickClassify, clickClassifyAll, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { firstOfEachClass } from '../../harness/product-photos.js';
import { BAD_PATHS, REDIRECT_TARGET_PATH, startShopServer, type ShopServer } from '../../harness/shop-server.js';

// What a server can send instead of an image, and the sentence the click ends with (issue 19,
// items 7 to 10), in the built extension allowed to read the shop's site only, as a user who
// allowed that one site is.

/** The few chrome.* calls made inside the service worker (this file has Node types, not Chrome's). */
declare const chrome: {
  action: { getTitle(details: object): Promise<string> };
  storage: { local: { getBytesInUse(): Promise<number>; clear(): Promise<void> } };
};

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;

function failed(entry: FinishedEntry) {
  if (entry.status !== 'error') throw new Error(`expected an error, got ${entry.result.top3[0]!.label}`);
  return entry.error;
}

beforeAll(async () => {
  const photos = await firstOfEachClass();
  shop = await startShopServer(photos.map((p) => ({ name: p.name, png: p.png })));
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
  await allowOnlySites(browser.context, browser.extensionId, [`${shop.origin}/*`]);
  // The shop's own images still work.
  expect((await clickClassify(worker, shop.url(`/products/${photos[0]!.name}.png`))).status).toBe('done');
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('a 200 kB HTTP reason phrase (item 7)', () => {
  it('is cut short in the sentence, the stored entries and the badge title', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    const entries = await clickClassifyAll(worker, Array.from({ length: 20 }, () => shop.url(BAD_PATHS.longReason)));
    for (const entry of entries) {
      const error = failed(entry);
      expect(error.code).toBe('http-error');
      expect(error.message).toMatch(/^The server answered 502 \(Bad Gateway x+…\) instead of the image\./);
      expect(error.message.length).toBeLessThan(400);
    }
    expect((await worker.evaluate(() => chrome.action.getTitle({}))).length).toBeLessThan(400);
    // Before: 20 clicks stored 4.3 MB of the 10 MB quota.
    expect(await worker.evaluate(() => chrome.storage.local.getBytesInUse())).toBeLessThan(50_000);
  });
});

describe('an image behind a login (item 8)', () => {
  it.each([
    [401, 'Unauthorized', BAD_PATHS.unauthorized],
    [403, 'Forbidden', BAD_PATHS.forbidden],
  ])('%i says that the image is downloaded without the login', async (status, reason, path) => {
    const error = failed(await clickClassify(worker, shop.url(path)));
    expect(error).toEqual({
      code: 'needs-login',
      message: `The server answered ${status} (${reason}): it gives this image only to some visitors, such as signed-in users. Fashion Lens downloads images without your login (it never sends your cookies), so it cannot read images behind a login. Try a product photo the shop shows without signing in.`,
    });
  });
});

describe('a redirect to a site the user has not allowed (item 9)', () => {
  it('names that site and says how to allow it', async () => {
    const shopHost = new URL(shop.origin).host;
    const otherHost = `localhost:${new URL(shop.origin).port}`;
    const error = failed(await clickClassify(worker, shop.url(BAD_PATHS.redirectAway)));
    expect(error).toEqual({
      code: 'redirect-not-allowed',
      message: `The image at ${shopHost} redirects to ${otherHost}, a site Fashion Lens has not been allowed to read. To allow it, open the image in a new tab and right-click it there: Chrome then asks whether Fashion Lens may read ${otherHost}.`,
    });
    // The image on the other site is there: it is the permission that is missing, not the connection.
    expect(shop.requests.some((r) => r.path === REDIRECT_TARGET_PATH)).toBe(true);
  });
});

describe('what is wrong with the address or the file (item 10)', () => {
  it('says an empty 200 PNG is empty', async () => {
    const error = failed(await clickClassify(worker, shop.url(BAD_PATHS.empty)));
    expect(error).toEqual({
      code: 'empty-file',
      message: 'The server sent an empty file (0 bytes, labelled image/png) instead of the image. The image may still be loading on the page, or be missing on the server: reload the page and try again.',
    });
  });

  it('says a user:password@ address carries a login that browsers do not send', async () => {
    const url = shop.url('/products/x.png').replace('http://', 'http://user:secret@');
    const error = failed(await clickClassify(worker, url));
    expect(error).toEqual({
      code: 'credentials-in-url',
      message: "This image's address has a user name or password in it (user:password@...), and browsers do not download addresses with a login written into them. Right-click a product photo with an ordinary address.",
    });
  });
});
