import { describe, expect, it } from 'vitest';
import { BATCH_WAIT_MS, buildClassifyLanes } from '../../../../extension/lib/offscreen/classify-lanes';
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
  /** A job named `name` for `model` whose prepare takes `prepareMs`; the log records every stage and each batch. */
  const jobOf =
    (lanes: ReturnType<typeof buildClassifyLanes>, log: string[], prepareMs = 20, model = 'cnn') =>
    (name: string) =>
      lanes.run({
        deadline: Date.now() + 60_000,
        batchKey: model,
        fetch: async () => {
          log.push(`fetch ${name}`);
          return name;
        },
        prepare: async (fetched) => {
          log.push(`prepare ${fetched}`);
          await tick(prepareMs);
          return fetched;
        },
        predict: async (batch) => {
          log.push(`predict ${batch.join('+')}`);
          if (batch.includes('bad')) throw new Error('no model');
          return batch.map((b) => `${b}!`);
        },
      });

  it('keeps an image in its download slot until its preparation starts, so at most the limits of images are held', async () => {
    const log: string[] = [];
    const job = jobOf(buildClassifyLanes({ maxInFlight: 1, maxPreparing: 1 }), log);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map(job))).toEqual(['a!', 'b!', 'c!', 'd!']);
    // b downloads while a is prepared, then holds its download slot until a is done: c is fetched only once b's preparation has started.
    expect(log.slice(0, 3)).toEqual(['fetch a', 'prepare a', 'fetch b']);
    expect(log.indexOf('fetch c')).toBeGreaterThan(log.indexOf('prepare b'));
    expect(log.indexOf('fetch d')).toBeGreaterThan(log.indexOf('prepare c'));
  });

  it('predicts the images prepared together in one batch, per model, and a click alone at once', async () => {
    const log: string[] = [];
    const lanes = buildClassifyLanes({ minBatch: 16, batchWaitMs: 60_000 }); // a batch waits for as long as images of its model are coming (no time limit here)
    const cnn = jobOf(lanes, log, 5);
    const lenet = jobOf(lanes, log, 5, 'lenet5');
    expect(await Promise.all([cnn('a'), cnn('b'), cnn('c'), lenet('x'), cnn('d')])).toEqual(['a!', 'b!', 'c!', 'x!', 'd!']);
    expect(log.filter((l) => l.startsWith('predict'))).toEqual(['predict a+b+c+d', 'predict x']);
    log.length = 0;
    expect(await cnn('alone')).toBe('alone!');
    expect(log).toEqual(['fetch alone', 'prepare alone', 'predict alone']);
  });

  it(`does not hold a prepared image more than ${BATCH_WAIT_MS} ms for others to join its batch`, async () => {
    const log: string[] = [];
    // One image at a time, each prepare takes 20 ms, the wait is 30 ms: a batch stops waiting once
    // its first image has waited 30 ms, i.e. after at most two more prepares (three images), where six come.
    const job = jobOf(buildClassifyLanes({ maxInFlight: 1, maxPreparing: 1, minBatch: 16, batchWaitMs: 30 }), log, 20);
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(job));
    const batches = log.filter((l) => l.startsWith('predict')).map((l) => l.slice('predict '.length).split('+'));
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3);
    expect(batches.flat()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('predicts once enough images are ready, without waiting for the ones still coming, and never more than a full batch', async () => {
    const log: string[] = [];
    const job = jobOf(buildClassifyLanes({ maxInFlight: 1, maxPreparing: 1, maxBatch: 3, minBatch: 2, batchWaitMs: 60_000 }), log, 5);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(job));
    // a+b go as soon as two are ready; c, d and e are then prepared one after another: c+d as soon as d is, e alone (nothing else coming).
    expect(log.filter((l) => l.startsWith('predict'))).toEqual(['predict a+b', 'predict c+d', 'predict e']);
    const full = jobOf(buildClassifyLanes({ maxBatch: 3, minBatch: 3, batchWaitMs: 60_000 }), log, 5);
    log.length = 0;
    await Promise.all(['p', 'q', 'r', 's', 't', 'u', 'v'].map(full));
    expect(log.filter((l) => l.startsWith('predict')).every((l) => l.split('+').length <= 3)).toBe(true);
  });

  it('fails a whole batch only when its predict fails, each image alone when its own stage fails', async () => {
    const log: string[] = [];
    const job = jobOf(buildClassifyLanes(), log, 1);
    const [bad, good] = await Promise.allSettled([job('bad'), job('good')]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'no model' } });
    expect(good).toMatchObject({ status: 'rejected', reason: { message: 'no model' } });
  });

  it('does not start a stage after the deadline', async () => {
    const lanes = buildClassifyLanes({ maxInFlight: 1 });
    let computed = false;
    const late = lanes.run({
      deadline: Date.now() + 10,
      batchKey: 'cnn',
      fetch: () => tick(30),
      prepare: async () => {
        computed = true;
      },
      predict: async (batch) => batch,
    });
    await expect(late).rejects.toThrow(/time ran out/);
    expect(computed).toBe(false);
  });
});
