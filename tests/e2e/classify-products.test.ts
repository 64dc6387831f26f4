import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoadedFashionModel } from '../../core/model-loader.js';
import { predictOptionsOf, predictProbabilities } from '../../core/predict.js';
import { topK } from '../../core/top-k.js';
import { MODEL_IDS, type ModelId } from '../../core/types.js';
import type { BackendPreference, ClassifyResult, FinishedEntry } from '../../extension/lib/types.js';
import { clickClassify, readPopup, setSettings } from '../../harness/extension-driver.js';
import { launchExtension, type ExtensionBrowser } from '../../harness/launch-extension.js';
import { testSetPhotos, type ProductPhoto } from '../../harness/product-photos.js';
import { classifyInNode, loadReferenceModel } from '../helpers/reference-classifier.js';
import { startShopServer, type ShopServer } from '../../harness/shop-server.js';

// The built extension in headless Chromium classifies product photos rendered from the
// Fashion-MNIST test set, served by a local shop, through the context menu's code path; the
// popup shows the top 3. Every result must agree with the same core code run in Node.

const realModels = inject('realModels');
let browser: ExtensionBrowser;
let worker: Worker;
let shop: ShopServer;
/**
 * Photos per class for the accuracy check: 500 in all, as the conversion's own test in Node uses.
 * With 100, the paired difference to the 28x28 originals has a standard error of ~2 points, too
 * coarse for a 3-point bound (the committed CNN loses 4.0 points on the first 10 per class and
 * 0.8 on the first 50, 1.3 on all 10,000 in the report).
 */
const PER_CLASS = 50;
let manyPhotos: ProductPhoto[];
/** The first of each class: the backend checks. */
let photos: ProductPhoto[];
const references = new Map<ModelId, LoadedFashionModel>();

beforeAll(async () => {
  manyPhotos = await testSetPhotos(PER_CLASS);
  photos = manyPhotos.filter((_, i) => i % PER_CLASS === 0);
  shop = await startShopServer(manyPhotos.map((p) => ({ name: p.name, png: p.png })));
  for (const id of MODEL_IDS) references.set(id, await loadReferenceModel(inject('modelsDir'), id));
  browser = await launchExtension(inject('extensionDir'));
  worker = await browser.serviceWorker();
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  for (const model of references.values()) model.model.dispose();
});

/** Classifies every photo with one model and backend setting, checking each against Node. */
async function classifyAll(modelId: ModelId, backend: BackendPreference, tolerance: number, which = photos): Promise<ClassifyResult[]> {
  await setSettings(worker, { modelId, backend });
  const results: ClassifyResult[] = [];
  for (const photo of which) {
    const entry: FinishedEntry = await clickClassify(worker, shop.url(`/products/${photo.name}.png`), shop.url('/'));
    if (entry.status !== 'done') throw new Error(`${photo.name} with ${modelId} on ${backend}: ${entry.error.message}`);
    const { result } = entry;
    const reference = classifyInNode(references.get(modelId)!, photo.png);
    expect(result.modelId).toBe(modelId);
    // Same bytes in: Chrome's PNG decoder and core's conversion give exactly Node's 28x28 input.
    expect(result.input, `${photo.name}: the 28x28 input`).toEqual(Array.from(reference.input));
    result.probabilities.forEach((p, i) => expect(p, `${photo.name}: probability of class ${i}`).toBeCloseTo(reference.probabilities[i]!, tolerance));
    expect(result.top3[0]!.label, `${photo.name}: top label`).toBe(reference.top3[0]!.label);
    results.push(result);
  }
  return results;
}

async function expectPopupShows(page: Page, result: ClassifyResult, backendLabel: string): Promise<void> {
  await page.reload();
  await page.waitForSelector('.card .prediction');
  const view = await readPopup(page);
  expect(view.top3).toEqual(result.top3.map((p) => ({ label: p.label, percent: `${(p.probability * 100).toFixed(1)}%` })));
  expect(view.facts).toMatchObject({ Model: result.modelName, Backend: backendLabel });
  expect(view.facts.Latency).toMatch(/^\d+ ms|^\d+\.\d s/);
  expect(view.backendReason).toBe(result.backend.reason);
  expect(view.alert).toBeNull();
}

describe.each(MODEL_IDS)('the %s model', (modelId) => {
  it('runs on WASM, chosen automatically because WebGL is SwiftShader here, and matches Node', async () => {
    const results = await classifyAll(modelId, 'auto', 4);
    for (const result of results) {
      expect(result.backend.name).toBe('wasm');
      expect(result.backend.reason).toMatch(/software renderer.*SwiftShader/);
      expect(result.backend.renderer).toMatch(/SwiftShader/);
    }
    const popup = await browser.openPopup();
    await expectPopupShows(popup, results.at(-1)!, 'WASM');
    await popup.close();
  });

  it('runs on WebGL when the setting forces it, and classifies the same', async () => {
    const results = await classifyAll(modelId, 'webgl', 2);
    for (const result of results) {
      expect(result.backend).toMatchObject({ name: 'webgl', reason: 'The backend setting forces webgl.' });
    }
    const popup = await browser.openPopup();
    await expectPopupShows(popup, results.at(-1)!, 'WebGL');
    await popup.close();
  });

  it.skipIf(!realModels)('labels Fashion-MNIST test photos correctly with the committed models', async () => {
    const results = await classifyAll(modelId, 'auto', 4, manyPhotos);
    const wrong = results.flatMap((r, i) => (r.top3[0]!.index === manyPhotos[i]!.label ? [] : [`${manyPhotos[i]!.name} -> ${r.top3[0]!.label}`]));
    const accuracy = 1 - wrong.length / results.length;
    // Against the same model on the same 500 images as the dataset stores them (28x28): the
    // product-photo path may cost at most 3 points (issue 5's bound for the conversion).
    // (run as the extension runs it: mirror-averaged when its metadata says so)
    const { model, metadata } = references.get(modelId)!;
    const original = manyPhotos.filter((p) => topK(predictProbabilities(model, p.pixels, predictOptionsOf(metadata))[0]!, 1)[0]!.index === p.label).length / manyPhotos.length;
    expect(original, 'the committed model is a trained one').toBeGreaterThanOrEqual(0.8);
    expect(accuracy, `accuracy ${accuracy} vs ${original} on the 28x28 originals; wrong: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(original - 0.03 - 1e-9);
  });
});

if (!realModels) {
  console.warn('e2e: artifacts/models is missing or invalid, so the "labels correctly" tests are skipped: quick models only prove the extension matches Node.');
}
