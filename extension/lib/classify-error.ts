import { capText } from './cap-text';
import { errorText } from './error-text';
import { ClassifyError, sentence } from './failures';
import type { ClassifyFailure } from './types';

/**
 * Longest sentence a failure keeps (ours are under 400 characters): it is stored with the click
 * and shown as the badge's tooltip, so text a server or the browser put into it stays bounded.
 */
export const MAX_FAILURE_MESSAGE = 1_000;

/** The one error policy: every failure ends up as a code plus a sentence a user can act on, of bounded length. */
export function toFailure(error: unknown): ClassifyFailure {
  if (error instanceof ClassifyError) return { code: error.code, message: capText(error.message, MAX_FAILURE_MESSAGE) };
  return { code: 'internal', message: sentence('internal', errorText(error)) };
}
