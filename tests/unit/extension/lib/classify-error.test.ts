import { describe, expect, it } from 'vitest';
import { capText } from '../../../../extension/lib/cap-text';
import { MAX_FAILURE_MESSAGE, toFailure } from '../../../../extension/lib/classify-error';
import { ClassifyError } from '../../../../extension/lib/failures';

describe('toFailure', () => {
  it('keeps every sentence bounded, whatever text a server or the browser put into it', () => {
    const long = toFailure(new ClassifyError('http-error', `The server answered 502 (${'x'.repeat(200_000)}).`));
    expect(long.message).toHaveLength(MAX_FAILURE_MESSAGE);
    expect(long.message.endsWith('…')).toBe(true);
    const internal = toFailure(new Error('y'.repeat(200_000)));
    expect(internal.message.length).toBeLessThan(500);
    expect(internal.message).toMatch(/^Something went wrong inside Fashion Lens \(y+…\)\. Try again;/);
  });

  it('leaves ordinary sentences as they are', () => {
    expect(toFailure(new ClassifyError('svg', 'This is an SVG drawing.'))).toEqual({ code: 'svg', message: 'This is an SVG drawing.' });
  });
});

describe('capText', () => {
  it('cuts text longer than the limit to the limit, marking the cut', () => {
    expect(capText('abcdef', 4)).toBe('abc…');
    expect(capText('abcd', 4)).toBe('abcd');
  });
});
