/** Runs tasks one at a time, in the order they were queued. */
export interface SerialQueue {
  /** Queues a task; resolves or rejects with it. A failed task does not stop the ones behind it. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Builds a queue on one promise chain: the model runs one image at a time. */
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

/**
 * Runs `task` with an AbortSignal that fires after `ms`, and rejects with `onTimeout()` then,
 * even if the task ignores the signal (a hung fetch is aborted; a hung GPU call is abandoned).
 */
export async function withTimeout<T>(task: (signal: AbortSignal) => Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = onTimeout();
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([task(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
