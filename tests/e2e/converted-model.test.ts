import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../core/model-loader.js';
import { clickClassify, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { startShopServer, type ShopServer } from '../../harness/shop-server.js';
import { SHOP_PHOTOS_DIR } from '../../pipeline/eval/shop-photos.js';
import { classifyInNode, loadReferenceModel } from '../helpers/reference-classifier.js';
import { CONVERTED_MODEL_ID, CONVERTED_MODEL_NAME } from './global-setup.js';

// Issue 23: a model converted from Keras with `npm run convert -- --ship` (the test build packages
// one, made by the real CLI from tests/fixtures/keras/lenet5-unit.keras) is listed in the popup
// and classifies a real shop photo end to end in Chromium, with Node's top-1.

const PHOTOS = ['7_Sneaker/saleor-blue-plimsolls-1.png', '0_T-shirt_top/solidus_tshirt_white.jpg'];
const contentType = (file: string) => (file.endsWith('.png') ? 'image/png' : 'image/jpeg');

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;
let reference: LoadedFashionModel;

beforeAll(async () => {
  shop = await startShopServer(PHOTOS.map((file) => ({ name: file, png: readFileSync(join(SHOP_PHOTOS_DIR, file)), path: `/photos/${file}`, contentType: contentType(file) })));
  reference = await loadReferenceModel(inject('testBuildModelsDir'), CONVERTED_MODEL_ID);
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  reference?.model.dispose();
});

describe('a model converted from Keras and shipped', () => {
  it('is listed in the popup by name, with its size and test accuracy', async () => {
    const page = await browser.openPopup();
    const radio = page.getByRole('radio', { name: new RegExp(`^${CONVERTED_MODEL_NAME} \\d+ KiB, \\d+\\.\\d% on the test set$`) });
    await radio.waitFor();
    await radio.check();
    const stored = () => worker.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('modelChoice')) as Record<string, unknown>).modelChoice);
    await expect.poll(stored).toBe(CONVERTED_MODEL_ID);
    await page.close();
  });

  it.each(PHOTOS)('classifies the real shop photo %s with the same top-1 (and top-3) as Node', async (file) => {
    await setSettings(worker, { modelId: CONVERTED_MODEL_ID, backend: 'auto' });
    const entry = await clickClassify(worker, shop.url(`/photos/${file}`), shop.url('/'));
    if (entry.status !== 'done') throw new Error(`${file}: ${entry.error.message}`);
    const node = classifyInNode(reference, readFileSync(join(SHOP_PHOTOS_DIR, file)));
    expect(entry.result.modelId).toBe(CONVERTED_MODEL_ID);
    expect(entry.result.modelName).toBe(CONVERTED_MODEL_NAME);
    expect(entry.result.input).toEqual(Array.from(node.input));
    expect(entry.result.top3.map((e) => e.label)).toEqual(node.top3.map((e) => e.label));
  });
});
