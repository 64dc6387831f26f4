import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../core/model-loader.js';
import type { ErrorCode, FinishedEntry } from '../../extension/lib/types.js';
import { clickClassify, clickClassifyAll, offscreenDocumentCount, readPopup, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { renderProductPhoto } from '../../pipeline/eval/render-product-photo.js';
import { encodePng, firstOfEachClass, type ProductPhoto } from '../../harness/product-photos.js';
import { classifyInNode, loadReferenceModel } from '../helpers/reference-classifier.js';
import { BAD_PATHS, startShopServer, type ShopServer } from '../../harness/shop-server.js';

// Many clicks at once, a service worker that Chrome stops between clicks, and every kind of
// bad input: each ends as a result or a sentence in the popup, and the extension keeps working.

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;
let photos: ProductPhoto[];
/** A cut-out: the item on a transparent page, which must be composited on white. */
let cutOut: ProductPhoto;
let cnn: LoadedFashionModel;
let popup: Page;

const expectedLabel = (photo: ProductPhoto) => classifyInNode(cnn, photo.png).top3[0]!.label;
const productUrl = (photo: ProductPhoto) => shop.url(`/products/${photo.name}.png`);

function done(entry: FinishedEntry) {
  if (entry.status !== 'done') throw new Error(`expected a result, got: ${entry.error.message}`);
  return entry.result;
}

beforeAll(async () => {
  photos = await firstOfEachClass();
  const coat = photos[4]!;
  cutOut = { ...coat, name: `${coat.name}-cut-out`, png: encodePng(renderProductPhoto(coat.pixels, { scale: 9, padding: 20, tint: [20, 20, 30], background: 'transparent' })) };
  shop = await startShopServer([...photos, cutOut].map((p) => ({ name: p.name, png: p.png })));
  cnn = await loadReferenceModel(inject('modelsDir'), 'cnn');
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
  popup = await browser.openPopup();
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  cnn?.model.dispose();
});

describe('concurrent clicks', () => {
  it('classifies every image, with one offscreen document, and keeps every result', async () => {
    const chosen = photos.slice(0, 6);
    const entries = await clickClassifyAll(worker, chosen.map(productUrl));
    expect(entries.map((e) => done(e).top3[0]!.label)).toEqual(chosen.map(expectedLabel));
    expect(await offscreenDocumentCount(worker)).toBe(1);

    await popup.reload();
    const view = await readPopup(popup);
    const summaries = entries.map((e) => `${done(e).top3[0]!.label} ${(done(e).top3[0]!.probability * 100).toFixed(1)}%`);
    expect([...view.history].sort()).toEqual([...summaries].sort());
  });
});

describe('a service worker restart between clicks', () => {
  it('reuses the running offscreen document and remembers the settings', async () => {
    const before = done(await clickClassify(worker, productUrl(photos[7]!)));
    await setSettings(worker, { modelId: 'lenet5' });
    await worker.evaluate(() => Object.assign(globalThis, { beforeRestart: true }));

    worker = await browser.restartServiceWorker();
    expect(await worker.evaluate(() => 'beforeRestart' in globalThis), 'the worker is a fresh instance').toBe(false);

    const after = done(await clickClassify(worker, productUrl(photos[8]!)));
    expect(after.modelId).toBe('lenet5');
    // Same backend initialisation (same timestamp): the offscreen document and tfjs lived on.
    expect(after.backend).toEqual(before.backend);
    expect(await offscreenDocumentCount(worker)).toBe(1);
    await setSettings(worker, { modelId: 'cnn' });
  });
});

describe('bad inputs', () => {
  beforeEach(async () => {
    await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
  });

  const closedPort = async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}/shirt.jpg`;
  };

  const CASES: { name: string; url: () => string | Promise<string>; code: ErrorCode; sentence: RegExp }[] = [
    { name: 'a 404', url: () => shop.url(BAD_PATHS.missing), code: 'http-error', sentence: /^The server answered 404 \(Not Found\) instead of the image\./ },
    { name: 'a JSON file', url: () => shop.url(BAD_PATHS.notImage), code: 'not-an-image', sentence: /^That address is not an image \(the server sent application\/json\)\./ },
    { name: 'an HTML page', url: () => shop.url(BAD_PATHS.htmlPage), code: 'web-page', sentence: /^That address is a web page \(text\/html\), not an image\./ },
    { name: 'an SVG logo', url: () => shop.url(BAD_PATHS.svg), code: 'svg', sentence: /^This is an SVG drawing, not a photo/ },
    { name: 'a 1x1 tracking pixel', url: () => shop.url(BAD_PATHS.pixel), code: 'too-small', sentence: /^The image is only 1 x 1 pixels, too small to show a garment \(at least 16 x 16 is needed\)\./ },
    { name: 'a 40-megapixel PNG', url: () => shop.url(BAD_PATHS.huge), code: 'too-many-pixels', sentence: /^The image is 8000 x 5000 pixels \(40\.0 megapixels\); Fashion Lens decodes at most 25 megapixels\./ },
    { name: 'a 21 MB file', url: () => shop.url(BAD_PATHS.tooLarge), code: 'too-large', sentence: /^The image file is 21\.0 MB; the limit is 20 MB\. Try a smaller version of the image\.$/ },
    { name: 'a server that never answers', url: () => shop.url(BAD_PATHS.slow), code: 'download-timeout', sentence: /^The image took longer than 15 seconds to download and classify/ },
    { name: 'a data: URL of text', url: () => 'data:text/plain,hello', code: 'not-an-image', sentence: /^That address is not an image \(the server sent text\/plain\)\./ },
    { name: 'an unreachable host', url: closedPort, code: 'unreachable', sentence: /^Could not reach 127\.0\.0\.1:\d+ to download the image\./ },
    { name: 'a file: URL', url: () => 'file:///etc/passwd', code: 'unsupported-url', sentence: /^Fashion Lens can only read http\(s\), data: and blob: images; this one is a file: address\./ },
  ];

  it.each(CASES)('$name shows its sentence in the popup', async ({ url, code, sentence }) => {
    const entry = await clickClassify(worker, await url());
    expect(entry.status).toBe('error');
    if (entry.status !== 'error') return;
    expect(entry.error.code).toBe(code);
    expect(entry.error.message).toMatch(sentence);
    await popup.reload();
    const view = await readPopup(popup);
    expect(view.alert).toBe(entry.error.message);
    expect(view.top3).toEqual([]);
  });

  it('classifies a blob: URL the page made (Chrome lets the extension read it)', async () => {
    const photo = photos[3]!;
    const page = await browser.context.newPage();
    await page.goto(shop.url('/'));
    const make = `URL.createObjectURL(new Blob([Uint8Array.from(atob('${photo.png.toString('base64')}'), (c) => c.charCodeAt(0))], { type: 'image/png' }))`;
    const blobUrl = (await page.evaluate(make)) as string;
    expect(blobUrl).toMatch(/^blob:http:\/\/127\.0\.0\.1:/);
    const result = done(await clickClassify(worker, blobUrl, shop.url('/')));
    expect(result.top3[0]!.label).toBe(expectedLabel(photo));
    await page.close();
  });

  it('says so when a blob: URL is gone (its page revoked it)', async () => {
    const page = await browser.context.newPage();
    await page.goto(shop.url('/'));
    const blobUrl = (await page.evaluate("(() => { const url = URL.createObjectURL(new Blob(['x'])); URL.revokeObjectURL(url); return url; })()")) as string;
    const entry = await clickClassify(worker, blobUrl, shop.url('/'));
    await page.close();
    expect(entry.status === 'error' && entry.error).toMatchObject({ code: 'blob-unreachable', message: expect.stringMatching(/^This image is a blob: address that its page no longer holds or does not share\./) });
  });

  it('composites a transparent cut-out on white, as core does in Node', async () => {
    const result = done(await clickClassify(worker, productUrl(cutOut)));
    const reference = classifyInNode(cnn, cutOut.png);
    // The decode canvas keeps faint edge pixels exactly (float16, see decode-image), so the input is Node's.
    expect(result.input).toEqual(Array.from(reference.input));
    expect(result.top3[0]!.label).toBe(reference.top3[0]!.label);
    expect(result.input[0], 'the transparent corner became white, then black after negation').toBe(0);
  });

  it('classifies a product photo inside a data: URL', async () => {
    const photo = photos[1]!;
    const result = done(await clickClassify(worker, `data:image/png;base64,${photo.png.toString('base64')}`));
    expect(result.top3[0]!.label).toBe(expectedLabel(photo));
  });

  it('classifies an image the server calls application/octet-stream, by its bytes', async () => {
    const result = done(await clickClassify(worker, shop.url(BAD_PATHS.octetStream)));
    expect(result.top3[0]!.label).toBe(expectedLabel(photos[0]!));
  });

  it('still classifies normally after all of them, with the same single offscreen document', async () => {
    const photo = photos[9]!;
    const result = done(await clickClassify(worker, productUrl(photo)));
    expect(result.top3[0]!.label).toBe(expectedLabel(photo));
    expect(await offscreenDocumentCount(worker)).toBe(1);
    await popup.reload();
    expect((await readPopup(popup)).top3[0]!.label).toBe(result.top3[0]!.label);
  });
});

describe('privacy', () => {
  it("fetches the clicked image anonymously: none of the site's cookies goes with it", async () => {
    const cookie = { name: 'session', value: 'secret-session-id', domain: '127.0.0.1', path: '/', sameSite: 'Strict' as const, httpOnly: true };
    await browser.context.addCookies([cookie]);
    try {
      // The browser holds the cookie: a visit to the shop sends it.
      const page = await browser.context.newPage();
      await page.goto(shop.url('/'));
      await page.close();
      expect(shop.requests.filter((r) => r.path === '/').at(-1)?.cookie).toContain('session=secret-session-id');
      const photo = photos[2]!;
      const before = shop.requests.length;
      done(await clickClassify(worker, productUrl(photo)));
      const fetched = shop.requests.slice(before).filter((r) => r.path === `/products/${photo.name}.png`);
      expect(fetched.length).toBeGreaterThan(0);
      for (const request of fetched) expect(request.cookie).toBeUndefined();
    } finally {
      await browser.context.clearCookies();
    }
  });

  it("answers classification requests from the extension's own service worker only: the popup's is left unanswered", async () => {
    done(await clickClassify(worker, productUrl(photos[3]!))); // the offscreen document is up
    expect(await offscreenDocumentCount(worker)).toBe(1);
    const answer = await popup.evaluate(async (imageUrl) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
      try {
        const response = await runtime.sendMessage({ type: 'fashion-lens/classify', target: 'offscreen', requestId: 'from-popup', imageUrl, modelId: 'cnn', backend: 'auto' });
        return { answered: response !== undefined, response: JSON.stringify(response)?.slice(0, 80) };
      } catch (error) {
        return { answered: false, response: String(error) };
      }
    }, productUrl(photos[3]!));
    expect(answer, answer.response).toMatchObject({ answered: false });
    // The worker's own requests still work.
    done(await clickClassify(worker, productUrl(photos[5]!)));
  });
});
