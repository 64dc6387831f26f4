/**
 * Training throughput of the seed's CNN: our pipeline on tfjs-node vs the seed's own Keras code,
 * same model, batch size, data and number of steps, on this CPU. Five runners:
 *   ours-graph fp32 and ours-graph bf16 (the graph engine, pipeline/train/graph), ours-eager (tfjs
 *   ops, for reference), Keras float32 (what the notebook runs) and Keras mixed_bfloat16.
 * Rounds alternate through all five so drift on a shared machine hits each alike. Each round
 * prints every rate; the end prints each ratio's median over the rounds and its spread (min-max):
 * ours-graph fp32 / Keras fp32, ours-graph bf16 / Keras fp32, ours-graph bf16 / Keras
 * mixed_bfloat16, ours-eager / Keras fp32 (> 1 means we are faster). Our models are built and warmed
 * up once; each Keras round is a fresh process that warms up before it times (start-up not counted).
 * Then it profiles our eager step (where the time goes; bench/step-profile.ts) beside the op
 * count of Keras' graph.
 * Usage: npx tsx bench/train-throughput.ts [steps per round] [rounds]
 */
import * as tf from '@tensorflow/tfjs-node';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { venvPython } from '../pipeline/native/python-tensorflow.js';
import { BATCH, oursSeedCnn, oursSeedCnnGraph, WARMUP } from './ours-seed-cnn.js';
import { runForJson } from './run-for-json.js';
import { formatStepProfile } from './step-profile.js';

const STEPS = Number(process.argv[2] ?? 150);
const ROUNDS = Number(process.argv[3] ?? 5);
const SCRIPT = fileURLToPath(new URL('./keras_seed_cnn.py', import.meta.url));

/** The ops of Keras' graph of one training step (bench/keras_seed_cnn.py --graph-ops), or undefined without Keras. */
function kerasGraphOps(): { computeOps: number; byType: Record<string, number> } | undefined {
  const python = venvPython();
  if (!existsSync(python)) return undefined;
  const run = runForJson<{ computeOps: number; byType: Record<string, number> }>(python, [SCRIPT, '--graph-ops', '--steps', '1', '--warmup', '1']);
  return typeof run === 'string' ? undefined : run.json;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One Keras round under `policy`: samples/s, or why it could not run. */
function keras(policy: 'float32' | 'mixed_bfloat16'): number | string {
  const python = venvPython();
  if (!existsSync(python)) return `no Keras: ${python} is missing (npm install creates it when it provides TensorFlow from PyPI)`;
  const run = runForJson<{ samplesPerSecond: number }>(python, [SCRIPT, '--steps', String(STEPS), '--warmup', String(WARMUP), '--policy', policy]);
  return typeof run === 'string' ? `Keras run failed: ${run}` : run.json.samplesPerSecond;
}

const eager = await oursSeedCnn(STEPS);
const graphFp32 = await oursSeedCnnGraph(STEPS, 'fp32');
const graphBf16 = await oursSeedCnnGraph(STEPS, 'bf16');
const RUNNERS = {
  'ours-graph fp32': (round: number) => graphFp32.round(round),
  'ours-graph bf16': (round: number) => graphBf16.round(round),
  'ours-eager': (round: number) => eager.round(round),
  'keras fp32': () => keras('float32'),
  'keras mixed_bfloat16': () => keras('mixed_bfloat16'),
} as const;
type Runner = keyof typeof RUNNERS;
const RATIOS: [Runner, Runner][] = [
  ['ours-graph fp32', 'keras fp32'],
  ['ours-graph bf16', 'keras fp32'],
  ['ours-graph bf16', 'keras mixed_bfloat16'],
  ['ours-eager', 'keras fp32'],
];

console.log(`train-throughput (seed CNN, real Fashion-MNIST, batch ${BATCH}, ${ROUNDS} alternating rounds of ${STEPS} steps after ${WARMUP} warm-up, ${tf.getBackend()} backend)`);
const rates = Object.fromEntries(Object.keys(RUNNERS).map((k) => [k, [] as number[]])) as Record<Runner, number[]>;
const ratios = RATIOS.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  const line: string[] = [];
  const thisRound: Partial<Record<Runner, number>> = {};
  // Alternate the order too: odd rounds run the runners backwards.
  const order = Object.keys(RUNNERS) as Runner[];
  for (const name of round % 2 ? order.reverse() : order) {
    const rate = await RUNNERS[name](round);
    if (typeof rate === 'string') {
      line.push(`${name}: ${rate}`);
      continue;
    }
    thisRound[name] = rate;
    rates[name].push(rate);
    line.push(`${name} ${rate.toFixed(0)}`);
  }
  RATIOS.forEach(([a, b], i) => {
    if (thisRound[a] !== undefined && thisRound[b] !== undefined) ratios[i]!.push(thisRound[a]! / thisRound[b]!);
  });
  console.log(`  round ${round + 1} (samples/s): ${line.join(', ')}`);
}
for (const name of Object.keys(RUNNERS) as Runner[]) {
  if (rates[name].length) console.log(`  ${name}: median ${median(rates[name]).toFixed(0)} samples/s (min ${Math.min(...rates[name]).toFixed(0)}, max ${Math.max(...rates[name]).toFixed(0)})`);
}
RATIOS.forEach(([a, b], i) => {
  const r = ratios[i]!;
  if (r.length) console.log(`  ratio ${a} / ${b}: median ${median(r).toFixed(2)} (min ${Math.min(...r).toFixed(2)}, max ${Math.max(...r).toFixed(2)}, ${r.length} rounds)`);
});
for (const line of formatStepProfile(eager.profile(30), kerasGraphOps())) console.log(line);
