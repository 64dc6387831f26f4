/**
 * Time to load Fashion-MNIST as `npm run pipeline` does: resolve the folder, gunzip, SHA-256 and parse
 * all four files (70,000 images), then split. Target: under 2 s. Also times the standardization the
 * pipeline computes next. Usage: npx tsx bench/data-load.ts [--data-dir <folder>] [runs]
 */
import { parseArgs } from 'node:util';
import { DATASET_FILES } from '../pipeline/data/dataset-files.js';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { resolveDatasetDir } from '../pipeline/data/resolve-dataset-dir.js';
import { computeStandardization } from '../pipeline/data/standardization.js';

const TARGET_SECONDS = 2;
const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
const dataDir = values['data-dir'];
const runs = Number(positionals[0] ?? 3);
const megabytes = Object.values(DATASET_FILES).reduce((sum, f) => sum + f.bytes, 0) / 1e6;

const seconds = (from: number): number => (performance.now() - from) / 1000;

const resolveStart = performance.now();
const source = await resolveDatasetDir({ dataDir });
const resolveSeconds = seconds(resolveStart);

const loads: number[] = [];
let images = 0;
let standardizeSeconds = Infinity;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const data = await loadFashionMnist({ dataDir });
  loads.push(seconds(start));
  images = data.train.count + data.validation.count + data.test.count;
  const standardizeStart = performance.now();
  computeStandardization(data.train);
  standardizeSeconds = Math.min(standardizeSeconds, seconds(standardizeStart));
}
const best = Math.min(...loads);

console.log(`data-load: ${images} images from ${source.dir} (${source.how}), ${runs} runs`);
console.log(`  resolve only:                        ${(resolveSeconds * 1000).toFixed(1)} ms`);
console.log(`  resolve+gunzip+sha256+parse (best):  ${best.toFixed(2)} s  [runs: ${loads.map((s) => s.toFixed(2)).join(', ')}]  target < ${TARGET_SECONDS} s: ${best < TARGET_SECONDS ? 'met' : 'MISSED'}`);
console.log(`  throughput:                          ${(megabytes / best).toFixed(0)} MB/s of decompressed IDX (${megabytes.toFixed(1)} MB)`);
console.log(`  standardization over 55,000 (best):  ${standardizeSeconds.toFixed(2)} s`);
