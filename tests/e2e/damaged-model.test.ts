import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickClassify, readPopup, setSettings } from '../../harness/extension-driver.js';
import { launchExtension } from '../../harness/launch-extension.js';
import { firstOfEachClass, type ProductPhoto } from '../../harness/product-photos.js';
import { startShopServer, type ShopServer } from '../../harness/shop-server.js';

// Issue 12, item 8: a copy of the built extension whose model file is damaged or missing answers
// with a sentence that says to rebuild the extension, never with a prediction (20 kB of flipped
// weight bytes answered "Bag 100%" for everything) or a bare "Failed to fetch".

let shop: ShopServer;
let photo: ProductPhoto;
const copies: string[] = [];

/** A copy of the built extension, changed by `damage` (given the copy's models/cnn folder). */
function damagedCopy(damage: (cnnDir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-damaged-'));
  cpSync(inject('extensionDir'), dir, { recursive: true });
  damage(join(dir, 'models', 'cnn'));
  copies.push(dir);
  return dir;
}

/** Classifies the photo with the CNN in a browser that loads `extensionDir`; returns the entry and the popup's alert. */
async function classifyWith(extensionDir: string) {
  const browser = await launchExtension(extensionDir);
  try {
    const worker = await browser.serviceWorker();
    await setSettings(worker, { modelId: 'cnn', backend: 'auto' });
    const entry = await clickClassify(worker, shop.url(`/products/${photo.name}.png`));
    const popup = await browser.openPopup();
    return { entry, alert: (await readPopup(popup)).alert };
  } finally {
    await browser.close();
  }
}

const REBUILD = /Rebuild the extension with `npm run build` and reload it on chrome:\/\/extensions/;

beforeAll(async () => {
  photo = (await firstOfEachClass())[1]!; // a trouser: a damaged model answered "Bag" for everything
  shop = await startShopServer([{ name: photo.name, png: photo.png }]);
});

afterAll(async () => {
  await shop?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('a damaged model in the built extension', () => {
  it('flipped weight bytes: the model is refused with "rebuild the extension", not a prediction', async () => {
    const dir = damagedCopy((cnn) => {
      const weights = readFileSync(join(cnn, 'weights.bin'));
      for (let i = 4096; i < 4096 + 20_000; i++) weights[i] = weights[i]! ^ 0xff;
      writeFileSync(join(cnn, 'weights.bin'), weights);
    });
    const { entry, alert } = await classifyWith(dir);
    expect(entry.status, entry.status === 'done' ? `answered ${entry.result.top3[0]!.label} ${entry.result.top3[0]!.probability}` : '').toBe('error');
    if (entry.status !== 'error') return;
    expect(entry.error.code).toBe('model-failed');
    expect(entry.error.message).toMatch(/do not match the SHA-256 that models\/cnn\/metadata\.json in the extension records/);
    expect(entry.error.message).toMatch(REBUILD);
    expect(alert).toBe(entry.error.message);
  });

  it('a missing weight file: the sentence names the file and says to rebuild the extension, not "Failed to fetch" alone', async () => {
    const dir = damagedCopy((cnn) => rmSync(join(cnn, 'weights.bin')));
    const { entry, alert } = await classifyWith(dir);
    expect(entry.status).toBe('error');
    if (entry.status !== 'error') return;
    expect(entry.error.code).toBe('model-failed');
    expect(entry.error.message).toMatch(/models\/cnn\/weights\.bin is missing from the extension/);
    expect(entry.error.message).toMatch(REBUILD);
    expect(alert).toBe(entry.error.message);
  });
});
