/** Runs tasks one at a time, in the order they were queued. */
export interface SerialQueue {
  /** Queues a task; resolves or rejects with it. A failed task does not stop the ones behind it. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * Builds a queue on one promise chain: the offscreen document runs one image at a time, and the
 * result store's read-modify-writes never interleave.
 */
export function buildSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => {});
      return result;
    },
  };
}
