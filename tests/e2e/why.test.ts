import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { explain } from '../../core/explain/explain.js';
import type { LoadedFashionModel } from '../../core/model-loader.js';
import { predictOptionsOf } from '../../core/predict.js';
import type { BackendName, ClassifyResult } from '../../extension/lib/types.js';
import { loadShopPhotos, type ShopPhoto } from '../../pipeline/eval/shop-photos.js';
import { explainFromPage } from '../../harness/explain-driver.js';
import { clickClassify, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { shopPhotoPath, shopPhotoProducts } from '../../harness/shop-photo-products.js';
import { startShopServer, type ShopServer } from '../../harness/shop-server.js';
import { loadReferenceModel } from '../helpers/reference-classifier.js';

// The popup's "Why?" (issue 24) on a real product photo in real Chromium: opened by keyboard, the
// map over the input and over the photo, the legend in words; and the map the extension computes
// (WASM, and WebGL on SwiftShader) equals core's in Node (native TensorFlow) for the same input and model.

/** Largest difference allowed between the extension's map and Node's, as a share of the map's largest value (float32 on different backends). */
const MAP_TOLERANCE = 1e-2;
const PHOTO = '7_Sneaker/saleor-dash-force-1.png';

let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;
let photo: ShopPhoto;
let reference: LoadedFashionModel;

beforeAll(async () => {
  photo = (await loadShopPhotos()).find((p) => p.file === PHOTO)!;
  shop = await startShopServer(shopPhotoProducts([photo]));
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
  reference = await loadReferenceModel(inject('modelsDir'), 'cnn');
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  reference?.model.dispose();
});

async function classify(backend: BackendName | 'auto'): Promise<ClassifyResult> {
  await setSettings(worker, { modelId: 'cnn', backend });
  const entry = await clickClassify(worker, shop.url(shopPhotoPath(photo)), shop.url('/'));
  if (entry.status !== 'done') throw new Error(`${PHOTO}: ${entry.error.message}`);
  return entry.result;
}

async function openPopupTab(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 720 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** How many of an overlay canvas's pixels are drawn (not transparent). */
const drawnPixels = (page: Page, index: number) =>
  page.evaluate<number>(`(() => {
    const canvas = document.querySelectorAll('[data-testid="map-overlay"]')[${index}];
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return data.filter((a, k) => k % 4 === 3 && a > 0).length;
  })()`);

describe('"Why?" in the popup', () => {
  it('opens by keyboard on a real photo: the map over the photo and the 28x28 input, the legend naming the top-1 class; closes again', async () => {
    const result = await classify('auto');
    const page = await openPopupTab();
    const toggle = page.getByRole('button', { name: 'Why?' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const legend = page.locator('#why-legend');
    await legend.getByText(`Brighter yellow: pushed the model towards ${result.top3[0]!.label}.`).waitFor({ timeout: 60_000 });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('[data-testid="map-overlay"]').count()).toBe(2);
    const placement = result.placement!;
    expect([await drawnPixels(page, 0), await drawnPixels(page, 1)].every((n) => n > 20)).toBe(true);
    // The photo's overlay covers the crop the conversion kept, on the thumbnail as shown.
    const boxes = await page.evaluate<{ frame: number[]; overlay: number[] }>(`(() => {
      const frame = document.querySelector('.photo-frame').getBoundingClientRect();
      const overlay = document.querySelector('.photo-frame [data-testid="map-overlay"]').getBoundingClientRect();
      return { frame: [frame.left, frame.top, frame.width, frame.height], overlay: [overlay.left, overlay.top, overlay.width, overlay.height] };
    })()`);
    const [fx, fy, fw, fh] = boxes.frame as [number, number, number, number];
    expect(boxes.overlay[0]).toBeCloseTo(fx + placement.source.left * fw, 0);
    expect(boxes.overlay[1]).toBeCloseTo(fy + placement.source.top * fh, 0);
    expect(boxes.overlay[2]).toBeCloseTo(placement.source.width * fw, 0);
    // FASHION_LENS_PICTURES=dir keeps a picture of it (the README's is made this way).
    if (process.env.FASHION_LENS_PICTURES) await page.locator('.card').screenshot({ path: join(process.env.FASHION_LENS_PICTURES, 'why.png') });
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('[data-testid="map-overlay"]').count()).toBe(0);
    await page.close();
  });

  it.each(['wasm', 'webgl'] as const)('computes on %s the map Node computes for the same input and model', async (backend) => {
    const result = await classify(backend);
    expect(result.backend.name).toBe(backend);
    const page = await openPopupTab();
    const { response } = await explainFromPage(page, result);
    await page.close();
    if (!response.ok) throw new Error(response.error.message);
    expect(response.backend).toBe(backend);
    const node = explain(reference.model, Uint8Array.from(result.input), { ...predictOptionsOf(reference.metadata), classIndex: result.top3[0]!.index }).map;
    const peak = Math.max(...node.map(Math.abs));
    const largest = Math.max(...response.map.map((v, i) => Math.abs(v - node[i]!)));
    console.log(`e2e why, ${backend}: largest difference from Node's map ${(largest / peak).toExponential(1)} of its peak`);
    expect(peak).toBeGreaterThan(0);
    expect(largest / peak).toBeLessThanOrEqual(MAP_TOLERANCE);
  });
});
