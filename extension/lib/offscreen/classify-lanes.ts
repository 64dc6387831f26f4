import { buildTaskQueue } from '../task-queue';
import { fail } from '../failures';

/**
 * How many images may be between "download started" and "preparation started" at once. Chrome
 * opens at most 6 connections to one host over HTTP/1.1, so more would only queue inside Chrome;
 * and each holds up to MAX_IMAGE_BYTES (20 MB) until it is decoded, so this (with MAX_PREPARING)
 * also bounds memory.
 */
export const MAX_IN_FLIGHT = 6;

/**
 * How many images the prepare worker holds at once: one decoding on the browser's decoder threads
 * while another is read and converted on the worker's thread (3 or 6 at once were no faster on
 * two cores, and hold more memory).
 */
export const MAX_PREPARING = 2;

/** The most images predicted together: one `predict` over their inputs. */
export const MAX_BATCH = 16;

/**
 * Images enough for a batch not to wait for more. Per image, a `predict` of 8 costs about a third
 * less than predicts of 2 to 4 (the convolutions run on whole batches), and waiting for more than
 * 8 made the scan slower (measured with bench/page-scan.ts).
 */
export const MIN_BATCH = 8;

/**
 * How long the first prepared image of a batch may wait for images still being prepared to join
 * it, when fewer than MIN_BATCH are ready. A click alone, with nothing else coming, never waits.
 */
export const BATCH_WAIT_MS = 100;

/** The lanes' limits (LANE_LIMITS in the extension; tests try others). */
export interface LaneLimits {
  maxInFlight: number;
  maxPreparing: number;
  maxBatch: number;
  minBatch: number;
  batchWaitMs: number;
}

export const LANE_LIMITS: LaneLimits = { maxInFlight: MAX_IN_FLIGHT, maxPreparing: MAX_PREPARING, maxBatch: MAX_BATCH, minBatch: MIN_BATCH, batchWaitMs: BATCH_WAIT_MS };

/** One image's way through the lanes. */
export interface LaneJob<Fetched, Prepared, Result> {
  /** Epoch ms after which the job is not started, nor moved to its next stage. */
  deadline: number;
  /** Gets the image's bytes (a download: waits on the network, not on the CPU). */
  fetch(): Promise<Fetched>;
  /** Decodes and converts it (off the main thread: waits on the prepare worker). Its bytes are released when it starts. */
  prepare(fetched: Fetched): Promise<Prepared>;
  /** Jobs with the same key are predicted together (same model, same backend). */
  batchKey: string;
  /** Predicts a batch (this job's prepared first, then others of its key): one result per prepared, in order. */
  predict(batch: Prepared[]): Promise<Result[]>;
}

/** The offscreen classifier's queue. */
export interface ClassifyLanes {
  /**
   * Runs a job: its fetch and prepare as soon as one of the MAX_IN_FLIGHT slots is free, then its
   * prediction in the one predict lane, in a batch with the prepared jobs of its key waiting then.
   * Rejects with the job's error, or with the "time ran out" sentence when its deadline passes
   * before a stage could start (that stage is then never run).
   */
  run<Fetched, Prepared, Result>(job: LaneJob<Fetched, Prepared, Result>): Promise<Result>;
  /**
   * Runs `task` in the predict lane on its own: after the batch running now, and before the next
   * one unless the lane's last work was also a task run alone (a batch then goes first, so tasks
   * cannot hold prepared images back). Never beside a `predict`, unless a time limit of its own
   * gave up on either and let the lane go on. For work on the same tfjs backend that is not an
   * image's prediction (the popup's "Why?" map). `task` must not wait on these lanes itself: it
   * holds the lane.
   */
  alone<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * The queue design, for the right-click and for page labelling.
 *
 * Three stages, because they wait on different things:
 * 1. **Download, side by side.** A download waits on the network, so up to MAX_IN_FLIGHT run at
 *    once and a slow server holds up only its own images (one fast image waited 41.8 s behind
 *    three slow ones when downloads ran one at a time). Slots are handed out first come, first
 *    served. An image keeps its slot until its preparation starts, so at most MAX_IN_FLIGHT +
 *    MAX_PREPARING images' bytes and pixels are held at once however many wait: that is the bound
 *    on the number in flight, and the back-pressure a page scan needs (its images wait for a slot,
 *    not in memory).
 * 2. **Prepare, in the worker.** Decoding and the conversion run in the prepare worker
 *    (image-preparer.ts), MAX_PREPARING images at a time, off the main thread.
 * 3. **Predict, one batch at a time.** `predict` runs on the main thread's one tfjs backend (which
 *    a backend switch replaces), so it runs in one serial lane, on batches of prepared images of
 *    one key (model and backend), up to MAX_BATCH, in one `predict` (mirror averaging included,
 *    core/predict.ts). When the lane is free it predicts at once if no more images of that key are
 *    coming (a click alone is a batch of one) or MIN_BATCH are ready; otherwise the batch waits for
 *    the ones coming, at most BATCH_WAIT_MS. So a page's images are predicted in batches while the
 *    next ones download and are prepared: on two cores, the worker prepares while the main thread
 *    predicts.
 * Every job carries its deadline (the click's, or the scan's): a stage that could only start after
 * it is never started, and the job is refused with the "time ran out" sentence; the caller answers
 * at the deadline anyway, so a waiting job never delays an answer. An image that fails to
 * download, decode or convert fails alone: one failing image never fails its batch.
 *
 * Clicks and page scans queue one job per image and share the same slots and the same lane (a
 * right-click during a scan is answered as soon as it is prepared and the lane's current batch
 * is done). Work that must not run beside a `predict` but is no image's prediction (the
 * popup's "Why?" map, which may switch the backend) takes the lane alone, between two batches.
 */
export function buildClassifyLanes(limits: Partial<LaneLimits> = {}): ClassifyLanes {
  const { maxInFlight, maxPreparing, maxBatch, minBatch, batchWaitMs } = { ...LANE_LIMITS, ...limits };
  const slots = buildTaskQueue(maxInFlight);
  const preparers = buildTaskQueue(maxPreparing);
  /** Prepared jobs waiting for the predict lane, in the order they were prepared. */
  const prepared: Entry[] = [];
  /** Tasks waiting to run alone in the predict lane (they go before the next batch). */
  const solo: (() => Promise<unknown>)[] = [];
  /** Whether the lane's last work was a task run alone (then waiting images go first). */
  let soloLast = false;
  /** How many jobs of each key are queued for or in the first stage (they may join a batch soon). */
  const coming = new Map<string, number>();
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const checkDeadline = (deadline: number) => {
    if (Date.now() >= deadline) throw fail('too-late');
  };
  const count = (key: string, change: number) => coming.set(key, (coming.get(key) ?? 0) + change);

  /** Whether the first waiting job's batch should be predicted now rather than wait for more of its key. */
  function batchReady(): boolean {
    const key = prepared[0]!.job.batchKey;
    const waited = performance.now() - prepared[0]!.preparedAt;
    if (!coming.get(key) || waited >= batchWaitMs || prepared.filter((e) => e.job.batchKey === key).length >= minBatch) return true;
    clearTimeout(timer);
    timer = setTimeout(pump, batchWaitMs - waited);
    return false;
  }

  /** Runs `work` in the lane, then gives the lane its next work. */
  function occupy(work: () => Promise<unknown>, alone: boolean): void {
    busy = true;
    soloLast = alone;
    void work().finally(() => {
      busy = false;
      pump();
    });
  }

  /** Gives the free lane its next work: a task waiting to run alone, else a batch of the waiting jobs of the first one's key, up to maxBatch. */
  function pump(): void {
    if (busy) return;
    if (solo.length > 0 && !(soloLast && prepared.length > 0)) return occupy(solo.shift()!, true);
    if (prepared.length === 0 || !batchReady()) return;
    clearTimeout(timer);
    const key = prepared[0]!.job.batchKey;
    const batch: Entry[] = [];
    for (let i = 0; i < prepared.length && batch.length < maxBatch; ) {
      const entry = prepared[i]!;
      if (entry.job.batchKey !== key) i++;
      else if (Date.now() < entry.job.deadline) batch.push(...prepared.splice(i, 1));
      else prepared.splice(i, 1)[0]!.settle({ ok: false, error: fail('too-late') }); // never predicted after its deadline
    }
    if (batch.length === 0) return pump();
    occupy(async () => {
      try {
        const results = await batch[0]!.job.predict(batch.map((e) => e.value));
        batch.forEach((e, i) => (i < results.length ? e.settle({ ok: true, value: results[i] }) : e.settle({ ok: false, error: new Error('The batch gave no result for this image.') })));
      } catch (error) {
        batch.forEach((e) => e.settle({ ok: false, error }));
      }
    }, false);
  }

  return {
    alone<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        solo.push(() => Promise.resolve().then(task).then(resolve, reject));
        pump();
      });
    },
    async run<Fetched, Prepared, Result>(job: LaneJob<Fetched, Prepared, Result>): Promise<Result> {
      count(job.batchKey, 1);
      const outcome = await slots
        .run(async () => {
          checkDeadline(job.deadline);
          const fetched = await job.fetch();
          // The download slot is held until the image's preparation starts (then its bytes go to the worker).
          let started!: () => void;
          const preparationStarted = new Promise<void>((resolve) => (started = resolve));
          const preparation = preparers.run(async () => {
            started();
            checkDeadline(job.deadline);
            return job.prepare(fetched);
          });
          await preparationStarted;
          return { preparation }; // boxed: the slot does not wait for the preparation
        })
        .then((box) => box.preparation)
        .then(
          (value) =>
            new Promise<Outcome>((settle) => {
              prepared.push({ job: job as unknown as LaneJob<unknown, unknown, unknown>, value, preparedAt: performance.now(), settle });
              count(job.batchKey, -1);
              pump();
            }),
          (error: unknown): Outcome => {
            count(job.batchKey, -1);
            pump(); // a batch waiting for this job need not wait any more
            return { ok: false, error };
          },
        );
      if (!outcome.ok) throw outcome.error;
      return outcome.value as Result;
    },
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A prepared job waiting for its batch (value: what prepare gave). */
interface Entry {
  job: LaneJob<unknown, unknown, unknown>;
  value: unknown;
  preparedAt: number;
  settle(outcome: Outcome): void;
}
