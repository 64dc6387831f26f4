/**
 * How long `npm run pipeline` takes to end after Ctrl-C, at each point of a --quick run (issue 19,
 * item 3; the promise is 2 s): a real SIGINT to the CLI's process group, as a terminal sends it,
 * once the line that starts a phase appears (plus a delay into it). Prints, per point and run, the
 * seconds from the SIGINT to the exit and the exit code (130 expected), then the worst.
 * Usage: npx tsx bench/ctrl-c-latency.ts [runs per point]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 2);

/** Phase, the line that starts it, the delay into it (ms), and the flags that reach it soonest. */
const POINTS: [string, string, number, string[]][] = [
  ['data preparation', 'Fashion-MNIST from', 0, ['--models', 'lenet5']],
  ['training (CNN batch)', 'Training on', 1000, ['--models', 'cnn']],
  ['evaluation', 'epoch 1/1', 0, ['--models', 'cnn']],
  ['quantization', 'Training took', 0, ['--models', 'cnn']],
  ['checks', 'cnn weights on', 200, ['--models', 'cnn']],
  ['report', 'Exported lenet5', 0, ['--models', 'lenet5']],
];

function stopAt(at: string, delayMs: number, flags: string[], dir: string): Promise<{ seconds: number; code: number | null }> {
  const args = ['--import', 'tsx', 'pipeline/cli/pipeline.ts', '--quick', ...flags, '--out', join(dir, 'out'), '--checkpoint-dir', join(dir, 'ckpt')];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let sentAt = 0;
  const onData = (data: Buffer) => {
    output += data;
    if (sentAt || !output.includes(at)) return;
    sentAt = -1;
    setTimeout(() => {
      sentAt = performance.now();
      process.kill(-child.pid!, 'SIGINT');
    }, delayMs);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ seconds: sentAt > 0 ? (performance.now() - sentAt) / 1000 : NaN, code })));
}

let worst = 0;
for (const [phase, at, delay, flags] of POINTS) {
  const figures: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-ctrl-c-bench-'));
    try {
      const { seconds, code } = await stopAt(at, delay, flags, dir);
      worst = Math.max(worst, seconds);
      figures.push(`${seconds.toFixed(2)} s (exit ${code})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`${phase.padEnd(22)} ${figures.join(', ')}`);
}
console.log(`worst: ${worst.toFixed(2)} s from Ctrl-C to exit (promise: 2 s)`);
