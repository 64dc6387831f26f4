import { buildSerialQueue } from '../serial-queue';
import { buildTaskQueue } from '../task-queue';
import { classifierErrors } from './classifier-errors';

/**
 * How many images may be between "download started" and "decoding started" at once. Chrome opens
 * at most 6 connections to one host over HTTP/1.1, so more would only queue inside Chrome; and
 * each holds up to MAX_IMAGE_BYTES (20 MB) until it is decoded, so this also bounds memory.
 */
export const MAX_IN_FLIGHT = 6;

/** One image's way through the lanes. */
export interface LaneJob<Fetched, Result> {
  /** Epoch ms after which the job is not started, nor moved to its next stage. */
  deadline: number;
  /** Gets the image's bytes (a download: waits on the network, not on the CPU). */
  fetch(): Promise<Fetched>;
  /** Decodes, converts and predicts (CPU/GPU work), with the lane to itself. */
  compute(fetched: Fetched): Promise<Result>;
}

/** The offscreen classifier's queue. */
export interface ClassifyLanes {
  /**
   * Runs a job: its fetch as soon as one of the MAX_IN_FLIGHT slots is free, then its compute in
   * the one compute lane. Rejects with the job's error, or with the "time ran out" sentence when
   * its deadline passes before a stage could start (that stage is then never run).
   */
  run<Fetched, Result>(job: LaneJob<Fetched, Result>): Promise<Result>;
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
 * soon as its download ends and the lane's current turn is over). Batching goes in the compute
 * lane: when it turns to the next job, it takes every job that is already fetched and waiting
 * (up to a batch size), decodes and converts each, runs one `predict` over the batch (mirror
 * averaging included, core/predict.ts), and settles each job with its own row, or with its own
 * error (one failing image never fails its batch). While one batch predicts, the next images
 * download in the freed slots: fetch and decode of the next images overlap the prediction.
 */
export function buildClassifyLanes(maxInFlight = MAX_IN_FLIGHT): ClassifyLanes {
  const slots = buildTaskQueue(maxInFlight);
  const lane = buildSerialQueue();
  const checkDeadline = (deadline: number) => {
    if (Date.now() >= deadline) throw classifierErrors.deadlinePassed();
  };

  return {
    async run(job) {
      // The slot's task ends once the compute has started; the compute's promise is handed out in
      // a box so that the slot does not wait for it.
      const computing = await slots.run(async () => {
        checkDeadline(job.deadline);
        const fetched = await job.fetch();
        let started!: () => void;
        const entered = new Promise<void>((resolve) => (started = resolve));
        const result = lane.run(async () => {
          started();
          checkDeadline(job.deadline);
          return job.compute(fetched);
        });
        await Promise.race([entered, result.catch(() => {})]);
        return { result };
      });
      return computing.result;
    },
  };
}
