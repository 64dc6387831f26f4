import type { ErrorCode } from '../types';

/**
 * The few words a page badge shows for an image that could not be classified (the full sentence
 * is its tooltip and accessible description). Pure; one entry per error code, so a new code
 * fails the type check until it has its words.
 */
export const BADGE_WORDS: Record<ErrorCode, string> = {
  'unsupported-url': 'cannot read',
  'no-site-access': 'site not allowed',
  unreachable: 'unreachable',
  'blob-unreachable': 'unreachable',
  'http-error': 'server error',
  'needs-login': 'needs a login',
  'redirect-not-allowed': 'site not allowed',
  'empty-file': 'empty file',
  'not-an-image': 'not an image',
  'web-page': 'not an image',
  svg: 'drawing, not photo',
  'too-large': 'too large',
  'too-many-pixels': 'too large',
  'too-small': 'too small',
  'blank-image': 'blank',
  'size-unknown': 'unreadable',
  'decode-failed': 'unreadable',
  timeout: 'too slow',
  'model-failed': 'model failed',
  internal: 'failed',
};
