import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../../core/model-loader.js';
import { formatPercent } from '../../../extension/lib/popup/format.js';
import { clickClassifyInFirefox, readFirefoxPopup, setFirefoxSettings } from '../../../harness/firefox-driver.js';
import { launchFirefoxExtension, type FirefoxExtension } from '../../../harness/launch-firefox-extension.js';
import { startShopServer, type ShopServer } from '../../../harness/shop-server.js';
import { classifyInNode, loadReferenceModel } from '../../helpers/reference-classifier.js';
import { SHOP_PHOTOS_DIR } from '../../../pipeline/eval/shop-photos/load-shop-photos.js';

// The popup in Firefox shows the result of a right-click: the top 3 with percentages, the model,
// the backend and why, and the history; a screenshot of it is kept (FASHION_LENS_PICTURES=dir keeps
// it there, as the README's pictures are made).

const PHOTO = 'saleor-dash-force-1.png';
const SNEAKER = readFileSync(join(SHOP_PHOTOS_DIR, '7_Sneaker', PHOTO));

let firefox: FirefoxExtension;
let shop: ShopServer;
let reference: LoadedFashionModel;
let scratch: string;

beforeAll(async () => {
  shop = await startShopServer([{ name: 'sneaker', png: SNEAKER }]);
  reference = await loadReferenceModel(inject('modelsDir'), 'cnn');
  firefox = await launchFirefoxExtension(inject('extensionDir'));
  scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-firefox-popup-'));
});

afterAll(async () => {
  await firefox?.close();
  await shop?.close();
  reference?.model.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the popup in Firefox', () => {
  it('shows the top 3 of the last right-click, the model, the backend and the history', async () => {
    const driver = await firefox.openPage('popup.html');
    await setFirefoxSettings(driver, { modelId: 'cnn', backend: 'auto' });
    const entry = await clickClassifyInFirefox(driver, shop.url('/products/sneaker.png'));
    if (entry.status !== 'done') throw new Error(entry.error.message);
    await driver.close();

    const popup = await firefox.openPage('popup.html');
    await popup.setViewport({ width: 380, height: 600 }); // Firefox's popups are at most 800 x 600
    const view = await readFirefoxPopup(popup);
    const node = classifyInNode(reference, SNEAKER);
    expect(view.alert).toBeNull();
    expect(view.top3.map((p) => p.label)).toEqual(node.top3.map((p) => p.label));
    expect(view.top3.map((p) => p.percent)).toEqual(entry.result.top3.map((p) => formatPercent(p.probability)));
    expect(view.facts.Model).toMatch(/^Seed CNN, shop recipe/);
    expect(view.facts.Backend).toMatch(/^WASM/);
    expect(view.backendReason).toBe('WebGL is not available here; WASM is the fastest backend without it.');
    expect(view.history).toHaveLength(1);

    const picture = join(process.env.FASHION_LENS_PICTURES ?? scratch, 'firefox-popup.png');
    await popup.screenshot({ path: picture as `${string}.png`, fullPage: true });
    expect(statSync(picture).size).toBeGreaterThan(10_000);
    console.log(`e2e Firefox popup: screenshot at ${picture}`);
  });
});
