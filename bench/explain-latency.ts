/**
 * What "Why?" costs in the built extension in headless Chromium (Debian's, SwiftShader WebGL),
 * on WASM: for each packaged Fashion Lens model, a real shop photo (pipeline/data/shop-photos) is
 * classified (warm), then its map is asked for 10 times the way the popup asks (popup page ->
 * background -> offscreen document). Prints the median of 10 of the map's time in the offscreen
 * document and of the popup's round trip, beside the median prediction time of 10 warm clicks.
 *
 *   npx wxt build --mode e2e && npx tsx bench/explain-latency.ts [--runs 10] [--backend wasm] [--extension .output/chrome-mv3-e2e]
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendName, ClassifyResult } from '../extension/lib/types.js';
import { explainFromPage } from '../harness/explain-driver.js';
import { clickClassify, setSettings } from '../harness/extension-driver.js';
import { launchExtension } from '../harness/launch-extension.js';
import { shopPhotoPath, shopPhotoProducts } from '../harness/shop-photo-products.js';
import { startShopServer } from '../harness/shop-server.js';
import { loadShopPhotos } from '../pipeline/eval/shop-photos.js';

const PHOTO = '7_Sneaker/saleor-dash-force-1.png';
const MODELS = ['cnn', 'lenet5'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, backend: { type: 'string', default: 'wasm' }, extension: { type: 'string', default: '.output/chrome-mv3-e2e' } } });
  const runs = Number(values.runs);
  const backend = values.backend as BackendName;
  const extensionDir = resolve(values.extension!);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${relative(process.cwd(), extensionDir)}. Run \`npx wxt build --mode e2e\` first (or pass --extension <dir>).`);
  const photo = (await loadShopPhotos()).find((p) => p.file === PHOTO)!;
  const shop = await startShopServer(shopPhotoProducts([photo]));
  const browser = await launchExtension(extensionDir);
  const lines: string[] = [];
  try {
    const worker = await browser.serviceWorker();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    for (const modelId of MODELS) {
      await setSettings(worker, { modelId, backend });
      const click = async (): Promise<ClassifyResult> => {
        const entry = await clickClassify(worker, shop.url(shopPhotoPath(photo)), shop.url('/'));
        if (entry.status !== 'done') throw new Error(`${PHOTO} with ${modelId}: ${entry.error.message}`);
        return entry.result;
      };
      const result = await click(); // cold: start-up and model load
      await explainFromPage(page, result); // first map: warms the gradient kernels
      const predictMs: number[] = [];
      for (let i = 0; i < runs; i++) predictMs.push((await click()).timings.predictMs);
      const explainMs: number[] = [];
      const roundTripMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const { response, roundTripMs: trip } = await explainFromPage(page, result);
        if (!response.ok) throw new Error(`${modelId}: ${response.error.message}`);
        explainMs.push(response.explainMs);
        roundTripMs.push(trip);
      }
      const ran = result.backend.name;
      lines.push(`  ${modelId.padEnd(7)} on ${ran}${ran === backend ? '' : ` (asked ${backend})`}: predict ${median(predictMs).toFixed(1)} ms; map ${median(explainMs).toFixed(1)} ms in the offscreen document, ${median(roundTripMs).toFixed(1)} ms popup round trip  [map runs: ${explainMs.map((t) => t.toFixed(0)).join(', ')}]`);
    }
  } finally {
    await browser.close();
    await shop.close();
  }
  console.log(`"Why?" cost in headless Chromium on ${backend} (median of ${runs}; real photo ${PHOTO}, warm):`);
  for (const line of lines) console.log(line);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
