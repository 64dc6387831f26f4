/** Time to resolve, gunzip, verify (SHA-256) and parse all 70,000 Fashion-MNIST images. Target: < 2 s. */
import { loadFashionMnist } from '../pipeline/data/fashion-mnist.js';

const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const data = await loadFashionMnist({});
  runs.push((performance.now() - t0) / 1000);
  if (i === 0) console.log(`data-load: ${data.source.dir} (${data.source.how}), ${data.train.count + data.validation.count + data.test.count} images`);
}
const best = Math.min(...runs);
const megabytes = (47_040_016 + 60_008 + 7_840_016 + 10_008) / 1e6;
console.log(`  seconds (best of 3): ${best.toFixed(2)}  [runs: ${runs.map((r) => r.toFixed(2)).join(', ')}]`);
console.log(`  throughput: ${(megabytes / best).toFixed(0)} MB/s of decompressed IDX`);
