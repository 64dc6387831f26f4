import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickClassify, readPopup, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { firstOfEachClass } from '../../harness/product-photos.js';
import { BAD_PATHS, startShopServer, type ShopServer } from '../../harness/shop-server.js';

// The popup with the keyboard alone, and at 200% zoom.

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;

/** Accessible-ish name of the focused element (evaluated in the page; this file has no DOM types). */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = el.closest('label');
  return (el.getAttribute('aria-label') || (label && label.textContent) || el.textContent || el.tagName).trim().replace(/\\s+/g, ' ');
})()`;

async function storedValue(key: string): Promise<unknown> {
  return worker.evaluate(async (k) => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k)) as Record<string, unknown>)[k], key);
}

beforeAll(async () => {
  const photos = (await firstOfEachClass()).slice(0, 2);
  shop = await startShopServer(photos.map((p) => ({ name: p.name, png: p.png })));
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
  for (const photo of photos) await clickClassify(worker, shop.url(`/products/${photo.name}.png`));
  await clickClassify(worker, shop.url(BAD_PATHS.missing));
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('the popup with the keyboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.openPopup();
    await page.waitForSelector('.history-item');
  });

  it('reaches every control with Tab, in reading order', async () => {
    const order: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate<string | null>(FOCUSED));
    }
    // The card shows the last click (a 404: a sentence, nothing to focus), then "Label this page",
    // the history (newest first), then the settings; the two radios are one Tab stop, as radio groups are.
    // The model choice lists the packaged models by their metadata's name, size and test accuracy (issue 23).
    const expected = [/^Label this page$/, /^Clear history$/, /The server answered 404/, /\d+\.\d%/, /\d+\.\d%/, /^Seed CNN, shop recipe .*iB, \d+\.\d% on the test set$/, /^Backend/];
    expect(order.map((name, i) => expected[i]!.test(name ?? '')), `focus order: ${order.join(' | ')}`).toEqual(expected.map(() => true));
  });

  it('shows a history entry with Enter and switches the model with the arrow keys', async () => {
    await page.locator('.history-item', { hasText: /\d+\.\d%/ }).last().focus();
    await page.keyboard.press('Enter');
    const view = await readPopup(page);
    expect(view.top3).toHaveLength(3);
    expect(view.alert).toBeNull();

    await page.getByRole('radio', { name: /^Seed CNN, shop recipe/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /^LeNet-5, shop recipe/ }).isChecked()).toBe(true);
    await expect.poll(() => storedValue('modelChoice')).toBe('lenet5');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => storedValue('modelChoice')).toBe('cnn');
  });

  it('clears the history with the keyboard', async () => {
    await page.getByRole('button', { name: 'Clear history' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => storedValue('history')).toEqual([]);
    expect(await page.getByText('No classifications yet.').isVisible()).toBe(true);
    await page.close();
  });
});

describe('the popup at 200% zoom', () => {
  it('fits Chrome’s largest popup (800 x 600 screen pixels = 400 x 300 CSS pixels) without scrolling sideways', async () => {
    await clickClassify(worker, shop.url(BAD_PATHS.svg));
    const page = await browser.context.newPage();
    // Zoom 200% halves the CSS viewport: Chrome's 800 x 600 popup limit becomes 400 x 300.
    await page.setViewportSize({ width: 400, height: 300 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    expect(await page.evaluate<number[]>('[window.innerWidth, window.innerHeight]')).toEqual([400, 300]);
    await page.waitForSelector('.card [role="alert"]');
    const overflow = await page.evaluate<{ page: boolean; clipped: string[] }>(`(() => ({
      page: document.documentElement.scrollWidth > window.innerWidth,
      clipped: Array.from(document.querySelectorAll('h1, h2, .error, .prediction-label, label, legend, button, dd'))
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
        .map((el) => el.textContent.trim().slice(0, 40)),
    }))()`);
    expect(overflow).toEqual({ page: false, clipped: [] });
    const view = await readPopup(page);
    expect(view.alert).toMatch(/^This is an SVG drawing, not a photo/);
    await page.close();
  });
});
