import { formatClockTime } from './format-clock-time.js';

/** What the bar shows after a batch. */
export interface BatchProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  samplesPerSecond: number;
  loss: number;
  accuracy: number;
  /** Seconds left in the whole run (all remaining epochs). */
  etaSeconds: number;
}

/** One line of the bar, `width` characters of bar. Pure, so it is tested without a terminal. */
export function renderProgressLine(p: BatchProgress, width = 24): string {
  const done = Math.round((p.batch / p.batches) * width);
  const bar = '='.repeat(Math.max(0, done - 1)) + (done > 0 ? (done === width ? '=' : '>') : '') + ' '.repeat(width - done);
  return (
    `epoch ${p.epoch}/${p.epochs} [${bar}] ${p.batch}/${p.batches}  ` +
    `${Math.round(p.samplesPerSecond).toLocaleString('en-US')} samples/s  loss ${p.loss.toFixed(4)}  acc ${p.accuracy.toFixed(4)}  ` +
    `ETA ${formatClockTime(p.etaSeconds)}`
  );
}

/** Writes the bar to a stream: redrawn in place on a terminal, one line per epoch otherwise (logs, CI). */
export class ProgressBar {
  private lastDraw = 0;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(p: BatchProgress): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && p.batch < p.batches) return;
    this.lastDraw = now;
    const columns = this.stream.columns || 120;
    this.stream.write('\r' + renderProgressLine(p).slice(0, columns - 1).padEnd(columns - 1));
  }

  /** Ends an epoch with its summary line (on a terminal it replaces the bar). */
  epochDone(line: string): void {
    if (this.stream.isTTY) this.stream.write('\r' + ' '.repeat((this.stream.columns || 120) - 1) + '\r');
    this.stream.write(line + '\n');
  }
}
