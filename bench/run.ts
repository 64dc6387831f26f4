/** `npm run bench`: runs every benchmark in turn; each prints its own figures. */
import { spawnSync } from 'node:child_process';

const BENCHES = ['bench/data-load.ts', 'bench/conversion.ts', 'bench/blank-threshold.ts', 'bench/convert.ts', 'bench/train-throughput.ts', 'bench/graph-memory.ts', 'bench/train-threads.ts', 'bench/conv-eager-vs-graph.ts', 'bench/kernel-overlap.ts', 'bench/lenet5-outputs.ts', 'bench/augmentation-throughput.ts', 'bench/ctrl-c-latency.ts', 'bench/browser-latency.ts', 'bench/page-scan.ts', 'bench/explain.ts', 'bench/explain-latency.ts'];
const only = process.argv.slice(2);
for (const file of BENCHES.filter((b) => !only.length || only.some((o) => b.includes(o)))) {
  console.log(`\n== ${file}`);
  spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
}
