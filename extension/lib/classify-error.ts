import { capText } from './cap-text';
import type { ClassifyFailure, ErrorCode } from './types';

/**
 * Longest sentence a failure keeps (ours are under 400 characters): it is stored with the click
 * and shown as the badge's tooltip, so text a server or the browser put into it stays bounded.
 */
export const MAX_FAILURE_MESSAGE = 1_000;

/** Longest piece of someone else's text (a browser error) quoted inside one of our sentences. */
const MAX_QUOTED_DETAIL = 300;

/** An expected failure with the sentence the popup shows. Anything else becomes 'internal'. */
export class ClassifyError extends Error {
  override name = 'ClassifyError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The one error policy: every failure ends up as a code plus a sentence a user can act on, of bounded length. */
export function toFailure(error: unknown): ClassifyFailure {
  if (error instanceof ClassifyError) return { code: error.code, message: capText(error.message, MAX_FAILURE_MESSAGE) };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong inside Fashion Lens (${quoteDetail(detail)}). Try again; if it keeps happening, reload the extension on chrome://extensions.`,
  };
}

/** Someone else's error text, shortened and without its final full stop, to quote in a sentence. Pure. */
export function quoteDetail(detail: string): string {
  return capText(detail.replace(/\.$/, ''), MAX_QUOTED_DETAIL);
}
