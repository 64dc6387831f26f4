import * as tf from '@tensorflow/tfjs-node';
import { formatClockTime } from './format-clock-time.js';
import { ProgressBar } from './progress-bar.js';
import type { TrainingCallback } from './training-callback.js';

/**
 * The progress bar and one line per epoch (losses, accuracies, speed, live tensors), as a training
 * callback; `peakRss()` is the largest resident set size seen while it trained.
 */
export function progressCallback(trainCount: number, epochs: number): TrainingCallback & { peakRss: () => number } {
  const bar = new ProgressBar();
  let peakRss = process.memoryUsage().rss;
  return {
    onBatchEnd: (p) => {
      bar.update(p);
      if (p.batch % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
    onEpochEnd: (log) =>
      bar.epochDone(
        `epoch ${log.epoch}/${epochs}  loss ${log.loss.toFixed(4)}  acc ${log.accuracy.toFixed(4)}  ` +
          `val_loss ${log.valLoss.toFixed(4)}  val_acc ${log.valAccuracy.toFixed(4)}  ${formatClockTime(log.seconds)}  ` +
          `${Math.round(trainCount / log.seconds).toLocaleString('en-US')} samples/s  tensors ${tf.memory().numTensors}`,
      ),
    peakRss: () => peakRss,
  };
}
