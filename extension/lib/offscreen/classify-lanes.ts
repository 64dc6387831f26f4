import { buildTaskQueue } from '../task-queue';
import { classifierErrors } from './classifier-errors';

/**
 * How many images may be between "download started" and "decoding started" at once. Chrome opens
 * at most 6 connections to one host over HTTP/1.1, so more would only queue inside Chrome; and
 * each holds up to MAX_IMAGE_BYTES (20 MB) until it is decoded, so this also bounds memory.
 */
export const MAX_IN_FLIGHT = 6;

/** The most images predicted together: one `predict` over their inputs. */
export const MAX_BATCH = 16;

/**
 * How long the first prepared image of a batch may wait for more to join it. Decoding and
 * converting an image takes a few milliseconds, so a page's downloaded images join one batch;
 * a click never waits longer than this for images decoded after it.
 */
export const BATCH_WAIT_MS = 100;

/** One image's way through the lanes. */
export interface LaneJob<Fetched, Prepared, Result> {
  /** Epoch ms after which the job is not started, nor moved to its next stage. */
  deadline: number;
  /** Gets the image's bytes (a download: waits on the network, not on the CPU). */
  fetch(): Promise<Fetched>;
  /** Decodes and converts it (CPU work, in the lane). */
  prepare(fetched: Fetched): Promise<Prepared>;
  /** Jobs with the same key are predicted together (same model, same backend). */
  batchKey: string;
  /** Predicts a batch (this job's prepared first, then others of its key): one result per prepared, in order. */
  predict(batch: Prepared[]): Promise<Result[]>;
}

/** The offscreen classifier's queue. */
export interface ClassifyLanes {
  /**
   * Runs a job: its fetch as soon as one of the MAX_IN_FLIGHT slots is free, then its compute in
   * the one compute lane, in a batch with the jobs of its key waiting then. Rejects with the job's
   * error, or with the "time ran out" sentence when its deadline passes before a stage could
   * start (that stage is then never run).
   */
  run<Fetched, Prepared, Result>(job: LaneJob<Fetched, Prepared, Result>): Promise<Result>;
}

/**
 * The queue design, for the right-click and for page labelling (issue 19 item 4, issue 20 item 5).
 *
 * Two stages, because they wait on different things:
 * 1. **Fetch, concurrently.** A download waits on the network, so up to MAX_IN_FLIGHT run at once
 *    and a slow server holds up only its own images (issue 19: a fast image waited 41.8 s behind
 *    three slow ones when downloads ran one at a time). Slots are handed out first come, first
 *    served. An image keeps its slot from the start of its download until its compute starts, so
 *    at most MAX_IN_FLIGHT images' bytes are held at once however many wait: that is the bound on
 *    the number in flight, and the back-pressure a page scan needs (its images wait for a slot,
 *    not in memory).
 * 2. **Compute, one at a time.** Decoding, the conversion and `predict` share one CPU/GPU and one
 *    tfjs backend (which a backend switch replaces), so they run in one serial lane, in the order
 *    the downloads finish; that lane's work is tens of milliseconds per image when warm.
 * Every job carries its deadline (the click's, or later the scan's): a stage that could only start
 * after it is never started, and the job is refused with the "time ran out" sentence; the caller
 * answers at the deadline anyway, so a waiting job never delays an answer.
 *
 * How page labelling builds on it: the scan queues one job per image, like clicks do, so clicks
 * and scans share the same slots and the same lane (a right-click during a scan is answered as
 * soon as its download ends and the lane's current turn is over). Batching is in the compute
 * lane, whose turns are of two kinds: prepare one downloaded image (decode, convert), or predict
 * a batch of prepared ones (one `predict`, mirror averaging included, core/predict.ts). The lane
 * prepares while downloaded images wait, and predicts when none waits, when the batch is full
 * (MAX_BATCH), when the next waiting image is for another model, or when the batch's first image
 * has waited BATCH_WAIT_MS: so a page's images are predicted in batches, and a click alone is a
 * batch of one, predicted at once. An image that fails to download, decode or convert fails
 * alone (one failing image never fails its batch). While the lane works, the next images download
 * in the slots its prepared images freed: fetching overlaps decoding and prediction.
 */
export function buildClassifyLanes(maxInFlight = MAX_IN_FLIGHT, maxBatch = MAX_BATCH, batchWaitMs = BATCH_WAIT_MS): ClassifyLanes {
  const slots = buildTaskQueue(maxInFlight);
  /** Downloaded jobs waiting for their prepare turn, in the order their downloads ended. */
  const fetched: Entry[] = [];
  /** Prepared jobs waiting for their predict turn. */
  const prepared: Entry[] = [];
  let busy = false;
  const checkDeadline = (deadline: number) => {
    if (Date.now() >= deadline) throw classifierErrors.deadlinePassed();
  };

  /** Whether the lane's next turn predicts (else it prepares the next downloaded image). */
  function predictNow(): boolean {
    if (prepared.length === 0) return false;
    const key = prepared[0]!.job.batchKey;
    return (
      fetched.length === 0 ||
      fetched[0]!.job.batchKey !== key ||
      prepared.filter((e) => e.job.batchKey === key).length >= maxBatch ||
      performance.now() - prepared[0]!.preparedAt >= batchWaitMs
    );
  }

  function turn(work: () => Promise<void>): void {
    busy = true;
    void work().finally(() => {
      busy = false;
      pump();
    });
  }

  /** Gives the free lane its next turn. */
  function pump(): void {
    if (busy) return;
    if (predictNow()) {
      const key = prepared[0]!.job.batchKey;
      const batch: Entry[] = [];
      for (let i = 0; i < prepared.length && batch.length < maxBatch; ) {
        if (prepared[i]!.job.batchKey === key) batch.push(...prepared.splice(i, 1));
        else i++;
      }
      turn(async () => {
        try {
          const results = await batch[0]!.job.predict(batch.map((e) => e.value));
          batch.forEach((e, i) => (i < results.length ? e.settle({ ok: true, value: results[i] }) : e.settle({ ok: false, error: new Error('The batch gave no result for this image.') })));
        } catch (error) {
          batch.forEach((e) => e.settle({ ok: false, error }));
        }
      });
      return;
    }
    const entry = fetched.shift();
    if (!entry) return;
    entry.entered();
    turn(async () => {
      try {
        checkDeadline(entry.job.deadline);
        entry.value = await entry.job.prepare(entry.value);
        entry.preparedAt = performance.now();
        prepared.push(entry);
      } catch (error) {
        entry.settle({ ok: false, error });
      }
    });
  }

  return {
    async run<Fetched, Prepared, Result>(job: LaneJob<Fetched, Prepared, Result>): Promise<Result> {
      // The slot's task ends once the job's turn in the lane has started; the outcome is handed
      // out in a box so that the slot does not wait for it.
      const box = await slots.run(async () => {
        checkDeadline(job.deadline);
        const value = await job.fetch();
        let entered!: () => void;
        const started = new Promise<void>((resolve) => (entered = resolve));
        let settle!: (outcome: Outcome) => void;
        const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
        fetched.push({ job: job as unknown as LaneJob<unknown, unknown, unknown>, value, preparedAt: 0, entered, settle });
        pump();
        await started;
        return { outcome };
      });
      const outcome = await box.outcome;
      if (!outcome.ok) throw outcome.error;
      return outcome.value as Result;
    },
  };
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A job in the lane: downloaded (value: what fetch gave), then prepared (value: what prepare gave). */
interface Entry {
  job: LaneJob<unknown, unknown, unknown>;
  value: unknown;
  preparedAt: number;
  /** Frees the job's download slot (its turn in the lane has come). */
  entered(): void;
  settle(outcome: Outcome): void;
}
