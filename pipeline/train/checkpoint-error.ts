import { UserError } from '../shared/user-error.js';

/** A checkpoint that cannot be resumed from (damaged, or from another run); the CLI prints its message without a stack. */
export class CheckpointError extends UserError {
  override name = 'CheckpointError';
  constructor(message: string, options?: ErrorOptions) {
    super('checkpoint', message, options);
  }
}

/**
 * "The checkpoint in <dir> is damaged: <what>. Delete <dir> to start over, or run without
 * --resume (that replaces the checkpoint)." A raw SyntaxError or ENOENT
 * said neither which file nor what to do.
 */
export function damagedCheckpoint(dir: string, what: string, cause?: unknown): CheckpointError {
  return new CheckpointError(`The checkpoint in ${dir} is damaged: ${what}. Delete ${dir} to start over, or run without --resume (that replaces the checkpoint).`, { cause });
}
