import { describe, expect, it } from 'vitest';
import { buildClassifyLanes } from '../../../../extension/lib/offscreen/classify-lanes';
import { buildTaskQueue } from '../../../../extension/lib/task-queue';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('buildTaskQueue', () => {
  it('runs at most `limit` tasks at once, starting them in the order they were queued', async () => {
    const queue = buildTaskQueue(2);
    const started: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      started.push(name);
      most = Math.max(most, ++running);
      await tick(ms);
      running--;
      return name;
    };
    const results = await Promise.all([queue.run(task('a', 40)), queue.run(task('b', 5)), queue.run(task('c', 5)), queue.run(task('d', 5))]);
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBe(2);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('frees the slot of a failed task', async () => {
    const queue = buildTaskQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error('bad image')))).rejects.toThrow('bad image');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => buildTaskQueue(0)).toThrow('A task queue needs a whole number of slots of at least 1, not 0.');
  });
});

describe('buildClassifyLanes', () => {
  it('keeps an image in its slot until its compute starts, so at most the limit of images are held', async () => {
    const lanes = buildClassifyLanes(2);
    const log: string[] = [];
    const job = (name: string) =>
      lanes.run({
        deadline: Date.now() + 60_000,
        fetch: async () => {
          log.push(`fetch ${name}`);
          return name;
        },
        compute: async (fetched) => {
          log.push(`compute ${fetched}`);
          await tick(20);
          return fetched;
        },
      });
    expect(await Promise.all(['a', 'b', 'c', 'd'].map(job))).toEqual(['a', 'b', 'c', 'd']);
    // c is fetched only once a's compute has started (a's slot freed), not while a and b wait for the lane.
    expect(log.indexOf('fetch c')).toBeGreaterThan(log.indexOf('compute a'));
    expect(log.indexOf('fetch d')).toBeGreaterThan(log.indexOf('compute b'));
  });

  it('does not start a stage after the deadline', async () => {
    const lanes = buildClassifyLanes(1);
    let computed = false;
    const late = lanes.run({
      deadline: Date.now() + 10,
      fetch: () => tick(30),
      compute: async () => {
        computed = true;
      },
    });
    await expect(late).rejects.toThrow(/time ran out/);
    expect(computed).toBe(false);
  });
});
