import { ModelContractError } from '../../core/model-contract-error.js';
import { UserError } from '../shared/user-error.js';

/** True for failures whose message is the whole story for people (typed, never by their wording). */
export const isUserError = (error: unknown): boolean => error instanceof UserError || error instanceof ModelContractError;

/**
 * What a CLI prints for a failure: the sentence of an expected one; for anything else its
 * message and how to see where it happened, or (with --verbose) the stack trace. Pure.
 */
export function describeFailure(error: unknown, verbose: boolean): string {
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  if (verbose) return stack;
  if (isUserError(error)) return (error as Error).message;
  const message = error instanceof Error ? error.message : String(error);
  return `${message}\n(This was not expected: run again with --verbose to see where it happened, and report it with that output.)`;
}

/** Runs a CLI's main and exits with its code; a failure that escapes main is described too. */
export function exitWith(main: () => Promise<number>, verbose: () => boolean): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(describeFailure(error, verbose()));
      process.exit(1);
    },
  );
}
