/**
 * Time to convert the seed notebook's CNN, trained and saved by Keras (bench/keras_train_seed_cnn.py),
 * as `npm run convert` does it: read the file, open it (fflate / h5wasm), read the config, map the
 * layers, read and check the weights, build the tf.js model with the seed standardization baked in,
 * and turn it into model.json + weights in memory. Target: at most 5 s per file. The checks that
 * follow (test set, robustness suite, shop photos) are measuring, not converting, and are not timed.
 * Usage: npx tsx bench/convert.ts [runs] [folder with seed-cnn.keras and seed-cnn.h5]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertKerasFile } from '../pipeline/convert/convert-keras-file.js';
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';
import { computeStandardization } from '../pipeline/data/standardization.js';
import { modelToFiles } from '../pipeline/models/model-to-files.js';

const TARGET_SECONDS = 5;
const runs = Number(process.argv[2] ?? 3);
const folder = process.argv[3] ?? 'tests/fixtures/keras/seed-cnn';
const data = await loadFashionMnist({});

console.log(`convert: the seed CNN saved by Keras, ${runs} runs per file (the standardization over 55,000 images is computed in each run)`);
for (const file of ['seed-cnn.keras', 'seed-cnn.h5']) {
  const path = join(folder, file);
  const times: number[] = [];
  let weightBytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const converted = await convertKerasFile(new Uint8Array(readFileSync(path)), path, 'seed', () => computeStandardization(data.train));
    const files = await modelToFiles(converted.model);
    times.push((performance.now() - start) / 1000);
    weightBytes = files.weightData.length;
    converted.model.dispose();
  }
  const best = Math.min(...times);
  console.log(
    `  ${file.padEnd(15)} ${best.toFixed(2)} s best [runs: ${times.map((s) => s.toFixed(2)).join(', ')}], ${(weightBytes / 2 ** 20).toFixed(2)} MiB of float32 weights; target <= ${TARGET_SECONDS} s: ${best <= TARGET_SECONDS ? 'met' : 'MISSED'}`,
  );
}
