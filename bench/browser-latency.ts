/**
 * Browser latency of the built extension in headless Chromium (Debian's, SwiftShader WebGL):
 * for each backend (WASM, WebGL, CPU) and model (CNN, LeNet-5), the cold start (first click to
 * stored result, including creating the offscreen document, starting tfjs and loading + warming
 * the model) and the warm latency per stage (median over several clicks), with each warm
 * prediction's ratio to WASM. Also prints the built extension's size.
 *
 *   npx wxt build --mode e2e && npx tsx bench/browser-latency.ts [--warm 10] [--extension .output/chrome-mv3-e2e]
 *
 * Drives the same code path as the context menu (see harness/extension-driver.ts), in the
 * test build: the production code plus the hook that lets a program click (the production build has none).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_IDS, type ModelId } from '../core/types.js';
import type { BackendName, ClassifyResult, FinishedEntry } from '../extension/lib/types.js';
import { clickClassify, closeOffscreenDocument, setSettings } from '../harness/extension-driver.js';
import { launchExtension } from '../harness/launch-extension.js';
import { firstOfEachClass } from '../harness/product-photos.js';
import { startShopServer } from '../harness/shop-server.js';

const BACKENDS: BackendName[] = ['wasm', 'webgl', 'cpu'];
const STAGES = ['fetchMs', 'decodeMs', 'convertMs', 'predictMs', 'totalMs'] as const;

interface Row {
  backend: BackendName;
  model: ModelId;
  /** What actually ran (a forced backend can fall back). */
  ran: string;
  coldMs: number;
  coldInitMs: number;
  warm: Record<(typeof STAGES)[number], number>;
  warmClickMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function done(entry: FinishedEntry, what: string): ClassifyResult {
  if (entry.status !== 'done') throw new Error(`${what}: ${entry.error.message}`);
  return entry.result;
}

function folderSize(dir: string): { total: number; byTop: Map<string, number> } {
  const byTop = new Map<string, number>();
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const size = statSync(path).size;
    total += size;
    const top = name.includes('/') ? `${name.split('/')[0]}/` : 'other files';
    byTop.set(top, (byTop.get(top) ?? 0) + size);
  }
  return { total, byTop };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { warm: { type: 'string', default: '10' }, extension: { type: 'string', default: '.output/chrome-mv3-e2e' } } });
  const warmCount = Number(values.warm);
  const extensionDir = resolve(values.extension!);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${relative(process.cwd(), extensionDir)}. Run \`npx wxt build --mode e2e\` first (the test build; or pass --extension <dir>).`);
  }

  const photos = await firstOfEachClass();
  const shop = await startShopServer(photos.map((p) => ({ name: p.name, png: p.png })));
  const browser = await launchExtension(extensionDir);
  const rows: Row[] = [];
  try {
    const worker = await browser.serviceWorker();
    const url = (i: number) => shop.url(`/products/${photos[i % photos.length]!.name}.png`);
    for (const backend of BACKENDS) {
      for (const model of MODEL_IDS) {
        await closeOffscreenDocument(worker);
        await setSettings(worker, { modelId: model, backend });
        const coldEntry = await clickClassify(worker, url(0));
        const cold = done(coldEntry, `${model} on ${backend}, cold`);
        // CPU runs the CNN in plain JavaScript: a few clicks say enough.
        const count = backend === 'cpu' ? Math.min(warmCount, 3) : warmCount;
        const warm: ClassifyResult[] = [];
        const clickMs: number[] = [];
        for (let i = 1; i <= count; i++) {
          const entry = await clickClassify(worker, url(i));
          warm.push(done(entry, `${model} on ${backend}, warm`));
          clickMs.push(entry.finishedAt - entry.requestedAt);
        }
        rows.push({
          backend,
          model,
          ran: cold.backend.name,
          coldMs: coldEntry.finishedAt - coldEntry.requestedAt,
          coldInitMs: cold.timings.initMs,
          warm: Object.fromEntries(STAGES.map((s) => [s, median(warm.map((r) => r.timings[s]))])) as Row['warm'],
          warmClickMs: median(clickMs),
        });
        process.stderr.write(`  measured ${model} on ${backend}\n`);
      }
    }
  } finally {
    await browser.close();
    await shop.close();
  }

  const header = ['backend', 'model', 'cold click->result', '(init)', 'warm fetch', 'decode', 'convert', 'predict', 'total', 'click->result', 'predict vs WASM'];
  const lines = rows.map((row) => {
    const wasm = rows.find((r) => r.backend === 'wasm' && r.model === row.model)!;
    const ran = row.ran === row.backend ? row.backend : `${row.backend} (fell back to ${row.ran})`;
    return [ran, row.model, ms(row.coldMs), ms(row.coldInitMs), ...STAGES.map((s) => ms(row.warm[s])), ms(row.warmClickMs), `${(row.warm.predictMs / wasm.warm.predictMs).toFixed(1)}x`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\nBrowser latency in headless Chromium (ms; warm = median of ${warmCount} clicks, CPU ${Math.min(warmCount, 3)}; product photos ${photos.length} from the test set)`);
  console.log(format(header));
  for (const line of lines) console.log(format(line));

  const size = folderSize(extensionDir);
  console.log(`\nBuilt extension ${relative(process.cwd(), extensionDir)}: ${mb(size.total)}`);
  for (const [part, bytes] of [...size.byTop].sort((a, b) => b[1] - a[1])) console.log(`  ${part.padEnd(12)} ${mb(bytes)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
