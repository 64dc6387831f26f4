import type { ErrorCode } from '../types';

/**
 * The few words a page badge shows for an image that could not be classified (the full sentence
 * is its tooltip and accessible description). Pure; one entry per error code, so a new code
 * fails the type check until it has its words.
 */
export const BADGE_WORDS: Record<ErrorCode, string> = {
  'unsupported-url': 'cannot read',
  'credentials-in-url': 'cannot read',
  'no-site-access': 'site not allowed',
  'page-site-not-allowed': 'site not allowed',
  unreachable: 'unreachable',
  'blob-unreachable': 'unreachable',
  'http-error': 'server error',
  'needs-login': 'needs a login',
  'redirect-not-allowed': 'site not allowed',
  'download-timeout': 'too slow',
  'empty-file': 'empty file',
  'web-page': 'not an image',
  'not-an-image': 'not an image',
  svg: 'drawing, not photo',
  'too-large': 'too large',
  'too-many-pixels': 'too large',
  'too-small': 'too small',
  'size-unknown': 'unreadable',
  'decode-failed': 'unreadable',
  'shape-mismatch': 'unreadable',
  'blank-image': 'blank',
  'too-late': 'too slow',
  'model-failed': 'model failed',
  'classifier-gone': 'stopped',
  'explainer-gone': 'stopped',
  'no-answer': 'stopped',
  'decoder-stopped': 'stopped',
  'storage-refused': 'not saved',
  abandoned: 'stopped',
  'batch-lost': 'stopped',
  'page-closed-to-extensions': 'not allowed here',
  'page-label-failed': 'failed',
  internal: 'failed',
};
