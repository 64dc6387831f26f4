/**
 * Thrown between steps (a weight variant, a model's checks, a report figure) when Ctrl-C asked the
 * pipeline to stop: nothing half-written is left, since each step writes atomically and the step
 * in progress is abandoned before its write. runPipeline turns it into 'stopped' (exit 130).
 */
export class StopRequested extends Error {
  override name = 'StopRequested';
  constructor(where: string) {
    super(`Stopped before ${where}.`);
  }
}

/** Throws StopRequested when `shouldStop` says so; `where` names the step that will not run. */
export function stopIfAsked(shouldStop: (() => boolean) | undefined, where: string): void {
  if (shouldStop?.()) throw new StopRequested(where);
}
