/** Runs queued tasks at most `limit` at a time, starting them in the order they were queued. */
export interface TaskQueue {
  /** Queues a task; resolves or rejects with it. A failed task does not stop the ones behind it. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * Builds a queue that runs up to `limit` tasks at once and starts the others, first come first
 * served, as running ones finish. With a limit of 1 it is a serial queue (buildSerialQueue).
 */
export function buildTaskQueue(limit: number): TaskQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`A task queue needs a whole number of slots of at least 1, not ${limit}.`);
  const waiting: (() => void)[] = [];
  let running = 0;
  const next = () => {
    if (running >= limit) return;
    const start = waiting.shift();
    if (!start) return;
    running++;
    start();
  };
  return {
    run(task) {
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          void Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              running--;
              next();
            });
        });
        next();
      });
    },
  };
}
