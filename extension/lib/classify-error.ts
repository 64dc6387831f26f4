import type { ClassifyFailure, ErrorCode } from './types';

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

/** The one error policy: every failure ends up as a code plus a sentence a user can act on. */
export function toFailure(error: unknown): ClassifyFailure {
  if (error instanceof ClassifyError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong inside Fashion Lens (${detail.replace(/\.$/, '')}). Try again; if it keeps happening, reload the extension on chrome://extensions.`,
  };
}
