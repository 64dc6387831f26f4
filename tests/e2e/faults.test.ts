import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLICK_DEADLINE_MS } from '../../extension/lib/time-limits.js';
import type { FinishedEntry, ResultEntry } from '../../extension/lib/types.js';
import { clickClassify, clickClassifyAllTimed, closeOffscreenDocument, readPopup, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { firstOfEachClass, type ProductPhoto } from '../../harness/product-photos.js';
import { BAD_PATHS, startShopServer, type ShopServer } from '../../harness/shop-server.js';

// Faults around the clicks: a page that makes its address megabytes long, a service worker that
// Chrome stops mid-request, slow images among fast ones, and one slow image clicked many times.

/** The few chrome.* calls made inside the service worker (this file has Node types, not Chrome's). */
declare const chrome: {
  storage: { local: { QUOTA_BYTES: number; get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void>; getBytesInUse(): Promise<number> } };
};

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;
let photos: ProductPhoto[];
let popup: Page;

const SLOW_PATH = '/cdn/slow-14s.png';
/** How long after the extension starts a download its request may reach the shop (the same clock). */
const ARRIVAL_SLACK_MS = 2_000;
/** Three more images the CDN takes 14 s to send. */
const SLOW_PATHS = [1, 2, 3].map((i) => `/cdn/slow-14s-${i}.png`);

function done(entry: FinishedEntry) {
  if (entry.status !== 'done') throw new Error(`expected a result, got: ${entry.error.message}`);
  return entry.result;
}

const stored = async (key: 'lastEntry' | 'history') => worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

beforeAll(async () => {
  photos = await firstOfEachClass();
  shop = await startShopServer([
    ...photos.map((p) => ({ name: p.name, png: p.png })),
    { name: 'slow', png: photos[7]!.png, path: SLOW_PATH, delayMs: 14_000 },
    ...SLOW_PATHS.map((path, i) => ({ name: `slow-${i}`, png: photos[i]!.png, path, delayMs: 14_000 })),
  ]);
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
  done(await clickClassify(worker, shop.url(`/products/${photos[0]!.name}.png`))); // model loaded: clicks below are warm
  popup = await browser.openPopup();
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('storage', () => {
  it('stays bounded when the page makes its address 2 MB long: every result is kept', async () => {
    const pageUrl = `${shop.url('/')}?${'q'.repeat(2 * 1024 * 1024)}`;
    const ids: string[] = [];
    for (const photo of photos.slice(0, 5)) ids.push((await clickClassify(worker, shop.url(`/products/${photo.name}.png`), pageUrl)).id);
    const history = (await stored('history')) as FinishedEntry[];
    expect(history.slice(0, 5).map((e) => [e.id, e.status])).toEqual(ids.reverse().map((id) => [id, 'done']));
    const bytes = await worker.evaluate(() => chrome.storage.local.getBytesInUse());
    expect(bytes).toBeLessThan(1024 * 1024);
  });
});

describe('a storage write that fails (issue 19 item 6)', () => {
  it('ends the click with the storage sentence at once, not "Classifying…" for 2 minutes', async () => {
    // Fill the storage to 3 kB short of its quota: the click's pending entry fits, its result (about 8 kB) does not.
    await worker.evaluate(async () => {
      const room = chrome.storage.local.QUOTA_BYTES - (await chrome.storage.local.getBytesInUse()) - 3_000;
      await chrome.storage.local.set({ filler: 'x'.repeat(room - 'filler'.length - 2) });
    });
    try {
      const entry = await clickClassify(worker, shop.url(`/products/${photos[1]!.name}.png`));
      expect(entry).toMatchObject({ status: 'error', error: { code: 'storage-refused', message: expect.stringMatching(/^The result could not be saved in Chrome's storage \(.*quota.*\)\. Clear the history in the popup, then click the image again\.$/i) } });
      expect(entry).not.toHaveProperty('result');
      expect(await stored('lastEntry')).toEqual(entry);
      await popup.reload();
      expect((await readPopup(popup)).alert).toBe(entry.status === 'error' ? entry.error.message : null);
    } finally {
      await worker.evaluate(() => chrome.storage.local.remove('filler'));
    }
  });
});

describe('a service worker stopped mid-request', () => {
  it('leaves a failed entry with a sentence, not one pending for ever', async () => {
    const click = clickClassify(worker, shop.url(BAD_PATHS.slow)).catch(() => 'the worker stopped');
    for (let waited = 0; ((await stored('lastEntry')) as ResultEntry | null)?.status !== 'pending'; waited += 50) {
      if (waited > 10_000) throw new Error('the click never became pending');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    worker = await browser.restartServiceWorker(); // as Chrome does to an idle or misbehaving worker
    expect(await click).toBe('the worker stopped');
    const last = (await stored('lastEntry')) as ResultEntry;
    expect(last).toMatchObject({ status: 'error', error: { message: 'This classification stopped before it finished (Fashion Lens was stopped or restarted meanwhile). Click the image again.' } });
    await popup.reload();
    expect((await readPopup(popup)).alert).toBe(last.status === 'error' ? last.error.message : null);
  });
});

describe('slow images among fast ones (issue 19 item 4)', () => {
  it('answers every fast image within 2 s of its own click while three slow ones download', async () => {
    const fast = photos.slice(3, 10).map((p) => shop.url(`/products/${p.name}.png`));
    // The slow ones are clicked first: downloading one image at a time, the fast ones waited 42 s behind them.
    const clicks = await clickClassifyAllTimed(worker, [...SLOW_PATHS.map((path) => shop.url(path)), ...fast]);
    for (const { entry, clickedAt, answeredAt } of clicks.slice(3)) {
      done(entry);
      expect(answeredAt - clickedAt, `${entry.imageUrl} answered within 2 s of its click`).toBeLessThan(2_000);
    }
    for (const { entry, clickedAt, answeredAt } of clicks.slice(0, 3)) {
      done(entry);
      expect(answeredAt - clickedAt, `${entry.imageUrl} took as long as its server`).toBeGreaterThanOrEqual(14_000);
    }
  });
});

describe('one slow image clicked many times', () => {
  it("downloads six at a time, answers or refuses every click within its own deadline, and never starts a download after its click's deadline", async () => {
    // Sixty clicks on an image the CDN takes 14 s to send: eight rounds of six downloads fit in
    // 120 s, the ninth round is cut off at the deadline, and a click whose deadline has passed
    // before a download slot frees is refused without being fetched.
    const fetchedBefore = shop.requests.filter((r) => r.path === SLOW_PATH).length;
    const clicks = await clickClassifyAllTimed(worker, Array.from({ length: 60 }, () => shop.url(SLOW_PATH)));
    const entries = clicks.map((c) => c.entry);
    for (const entry of entries) {
      expect(entry.finishedAt - entry.requestedAt, `click ${entry.id} answered within its deadline`).toBeLessThanOrEqual(CLICK_DEADLINE_MS + 1_000);
      if (entry.status === 'error') expect(entry.error.message).toMatch(/^Fashion Lens was still busy with earlier images when this one's time ran out \(120 seconds after the click\)/);
    }
    // One at a time (before issue 19), 8 of them were answered.
    expect(entries.filter((e) => e.status === 'done').length).toBeGreaterThanOrEqual(42);
    expect(entries.filter((e) => e.status === 'error').length).toBeGreaterThanOrEqual(1);
    // The refused clicks are not fetched after their deadline, so a new click starts at once.
    const next = done(await clickClassify(worker, shop.url(`/products/${photos[3]!.name}.png`)));
    // No download starts after its click's deadline (checked after the next click, by when a
    // download started late would have reached the shop). Which fetch serves which click is not known
    // here, but if each of the n fetches started before its own click's deadline, the k-th fetch (in
    // time) started before the (N-n+k)-th of the N deadlines (in time): it came before the n-k later
    // fetches, each of which started before a different deadline, so at least n-k+1 deadlines are
    // after it. Clicks spread over a few seconds under load may fetch all 60; what must never happen
    // is a fetch after its deadline.
    const fetchedAt = shop.requests.filter((r) => r.path === SLOW_PATH).slice(fetchedBefore).map((r) => r.at).sort((a, b) => a - b);
    const deadlines = entries.map((e) => e.requestedAt + CLICK_DEADLINE_MS).sort((a, b) => a - b);
    expect(fetchedAt.length, 'one fetch per click at most').toBeLessThanOrEqual(deadlines.length);
    const late = fetchedAt.filter((at, k) => at > deadlines[deadlines.length - fetchedAt.length + k]! + ARRIVAL_SLACK_MS);
    expect(late, "downloads started after their click's deadline").toEqual([]);
    expect(next.timings.queueMs).toBeLessThan(2_000);
  });
});

describe('the offscreen document closed mid-request (issue 19 item 11)', () => {
  it("says the classifier page closed, not Chrome's message-channel text, and the next click works", async () => {
    const slowRequests = () => shop.requests.filter((r) => r.path === BAD_PATHS.slow).length;
    const before = slowRequests();
    const click = clickClassify(worker, shop.url(BAD_PATHS.slow));
    for (let waited = 0; slowRequests() === before; waited += 50) {
      if (waited > 10_000) throw new Error('the slow image was never requested');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await closeOffscreenDocument(worker); // while it downloads the image
    const entry = await click;
    expect(entry).toMatchObject({
      status: 'error',
      error: { code: 'classifier-gone', message: 'The classifier page closed before it answered. Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.' },
    });
    done(await clickClassify(worker, shop.url(`/products/${photos[2]!.name}.png`)));
  });
});
