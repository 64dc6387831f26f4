/**
 * TensorFlow's thread settings for our training on this machine: the seed CNN's training
 * samples/s (the pipeline's own step, bench/ours-seed-cnn.ts) under each intra-op / inter-op
 * thread count, set the way TensorFlow reads them at start-up (TF_NUM_INTRAOP_THREADS,
 * TF_NUM_INTEROP_THREADS; 0 = TensorFlow's default, one per core, which is what Keras runs with).
 * Each setting runs in a fresh process per round; rounds alternate over the settings so drift on a
 * shared machine hits all alike. Prints each round, each setting's median and its ratio to the
 * default.
 * Usage: npx tsx bench/train-threads.ts [steps per round] [rounds]
 */
import { fileURLToPath } from 'node:url';
import { runForJson } from './run-for-json.js';

const STEPS = Number(process.argv[2] ?? 100);
const ROUNDS = Number(process.argv[3] ?? 3);
const CHILD = process.argv[4] === '--child';

/** Thread settings tried: [intra-op, inter-op]; 0 leaves TensorFlow's default. */
const SETTINGS: readonly [number, number][] = [
  [0, 0],
  [2, 1],
  [1, 1],
  [1, 2],
  [2, 2],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const label = ([intra, inter]: readonly [number, number]) => `intra ${intra || 'default'}, inter ${inter || 'default'}`;

if (CHILD) {
  const { oursSeedCnn } = await import('./ours-seed-cnn.js');
  const ours = await oursSeedCnn(STEPS);
  console.log(JSON.stringify({ samplesPerSecond: ours.round(0) }));
} else {
  const script = fileURLToPath(import.meta.url);
  const rates = SETTINGS.map(() => [] as number[]);
  console.log(`train-threads (seed CNN, batch 32, ${ROUNDS} rounds of ${STEPS} steps per setting, alternating, a fresh process each)`);
  for (let round = 0; round < ROUNDS; round++) {
    SETTINGS.forEach((setting, i) => {
      const env: NodeJS.ProcessEnv = { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' };
      if (setting[0]) env.TF_NUM_INTRAOP_THREADS = String(setting[0]);
      if (setting[1]) env.TF_NUM_INTEROP_THREADS = String(setting[1]);
      const run = runForJson<{ samplesPerSecond: number }>(process.execPath, ['--import', 'tsx', script, String(STEPS), '1', '--child'], env);
      if (typeof run === 'string') {
        console.log(`  round ${round + 1}, ${label(setting)}: ${run}`);
        return;
      }
      const rate = run.json.samplesPerSecond;
      rates[i]!.push(rate);
      console.log(`  round ${round + 1}, ${label(setting)}: ${rate.toFixed(0)} samples/s`);
    });
  }
  const base = rates[0]!.length ? median(rates[0]!) : NaN;
  SETTINGS.forEach((setting, i) => {
    if (rates[i]!.length === 0) return;
    const m = median(rates[i]!);
    console.log(`  ${label(setting).padEnd(30)} median ${m.toFixed(0)} samples/s (min ${Math.min(...rates[i]!).toFixed(0)}, max ${Math.max(...rates[i]!).toFixed(0)}), ratio to the default ${(m / base).toFixed(2)}`);
  });
}
