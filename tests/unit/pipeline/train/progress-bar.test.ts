import { describe, expect, it } from 'vitest';
import { formatClockTime } from '../../../../pipeline/train/format-clock-time.js';
import { renderProgressLine } from '../../../../pipeline/train/progress-bar.js';

describe('progress bar', () => {
  it('shows batches, samples/s, loss, accuracy and the ETA', () => {
    const line = renderProgressLine({ epoch: 2, epochs: 10, batch: 860, batches: 1719, samplesPerSecond: 1234.4, loss: 0.41234, accuracy: 0.8512, etaSeconds: 3725 }, 10);
    expect(line).toBe('epoch 2/10 [====>     ] 860/1719  1,234 samples/s  loss 0.4123  acc 0.8512  ETA 1:02:05');
  });
  it('is full at the last batch', () => {
    expect(renderProgressLine({ epoch: 1, epochs: 1, batch: 5, batches: 5, samplesPerSecond: 1, loss: 1, accuracy: 0, etaSeconds: 0 }, 4)).toContain('[====]');
  });
  it('formats durations', () => {
    expect(formatClockTime(75)).toBe('1:15');
    expect(formatClockTime(0)).toBe('0:00');
    expect(formatClockTime(Number.NaN)).toBe('--:--');
  });
});
