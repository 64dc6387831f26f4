import { describe, expect, it } from 'vitest';
import { toFailure } from '../../../../extension/lib/classify-error';
import { ClassifyError, fail, sentence } from '../../../../extension/lib/failures';
import { BADGE_WORDS } from '../../../../extension/lib/page/badge-words';

describe('the catalogue of failures', () => {
  it('gives each failure its own code and one sentence that says what to do', () => {
    const error = fail('http-error', 404, 'Not Found');
    expect(error).toBeInstanceOf(ClassifyError);
    expect(error.code).toBe('http-error');
    expect(error.message).toBe('The server answered 404 (Not Found) instead of the image. The page may be out of date: reload it and try again.');
    expect(sentence('too-late')).toMatch(/^Fashion Lens was still busy with earlier images when this one's time ran out \(120 seconds after the click\)/);
    expect(sentence('download-timeout')).toMatch(/^The image took longer than 15 seconds to download/);
  });

  it('names the two ways time runs out with two codes', () => {
    expect(fail('too-late').code).not.toBe(fail('download-timeout').code);
  });

  it('gives every code its few words on a page badge', () => {
    // BADGE_WORDS is a Record over every ErrorCode, so the compiler holds it complete; each entry must say something.
    for (const [code, words] of Object.entries(BADGE_WORDS)) expect(words, code).toMatch(/\w/);
  });

  it('turns anything else into the internal failure, quoting its text', () => {
    expect(toFailure(new Error('boom.'))).toEqual({ code: 'internal', message: sentence('internal', 'boom') });
  });
});
