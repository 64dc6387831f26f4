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
