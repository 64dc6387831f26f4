import { describe, expect, it } from 'vitest';
import { buildSerialQueue } from '../../../../extension/lib/serial-queue';
import { withTimeout } from '../../../../extension/lib/with-timeout';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('buildSerialQueue', () => {
  it('runs one task at a time, in order', async () => {
    const queue = buildSerialQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 30)), queue.run(task('b', 1)), queue.run(task('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps going after a failed task', async () => {
    const queue = buildSerialQueue();
    const failed = queue.run(async () => {
      throw new Error('bad image');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toThrow('bad image');
    await expect(next).resolves.toBe('next');
  });
});

describe('withTimeout', () => {
  it('returns the result of a task that finishes in time', async () => {
    await expect(withTimeout(async () => 42, 1000, () => new Error('late'))).resolves.toBe(42);
  });

  it('rejects with the timeout error and aborts the task’s signal', async () => {
    let seen: AbortSignal | undefined;
    const never = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<never>(() => {});
    };
    await expect(withTimeout(never, 20, () => new Error('took too long'))).rejects.toThrow('took too long');
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as Error).message).toBe('took too long');
  });
});
