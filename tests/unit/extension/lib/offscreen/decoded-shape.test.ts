import { describe, expect, it } from 'vitest';
import { decodedShape, resizeRequest } from '../../../../../extension/lib/offscreen/decoded-shape';

// Issue 19, item 2's safety net: the decoded bitmap's shape is compared with the header's, so a
// picture the browser shows turned from what the header reader said is never squashed.

describe('resizeRequest', () => {
  it('asks for no resize when none is needed, else only for the shown shorter edge', () => {
    expect(resizeRequest({ width: 744, height: 248 }, { width: 744, height: 248 })).toBeUndefined();
    expect(resizeRequest({ width: 3000, height: 1000 }, { width: 1024, height: 341 })).toEqual({ resizeHeight: 341 });
    expect(resizeRequest({ width: 1000, height: 3000 }, { width: 341, height: 1024 })).toEqual({ resizeWidth: 341 });
    expect(resizeRequest({ width: 2000, height: 2000 }, { width: 1024, height: 1024 })).toEqual({ resizeWidth: 1024 });
  });
});

describe('decodedShape', () => {
  it('accepts the promised size exactly when nothing was resized', () => {
    expect(decodedShape({ width: 744, height: 248 }, undefined, { width: 744, height: 248 })).toBe('as-promised');
  });

  it('recognises the issue-19 photo: promised 248x744, shown by Chrome at 744x248', () => {
    expect(decodedShape({ width: 248, height: 744 }, undefined, { width: 744, height: 248 })).toBe('turned');
    // Resized by the promised shorter edge (width 2480 -> 341): Chrome keeps the aspect it shows, 341x114.
    const request = resizeRequest({ width: 2480, height: 7440 }, { width: 341, height: 1024 });
    expect(decodedShape({ width: 2480, height: 7440 }, request, { width: 341, height: 1024 })).toBe('as-promised');
    expect(decodedShape({ width: 2480, height: 7440 }, request, { width: 341, height: 114 })).toBe('turned');
  });

  it('allows the browser a pixel of rounding on the edge it computes', () => {
    const request = { resizeHeight: 341 };
    expect(decodedShape({ width: 3000, height: 1000 }, request, { width: 1024, height: 341 })).toBe('as-promised');
    expect(decodedShape({ width: 3001, height: 1000 }, request, { width: 1024, height: 341 })).toBe('as-promised');
    expect(decodedShape({ width: 3000, height: 1000 }, request, { width: 1030, height: 341 })).toBe('mismatch');
  });

  it('calls any other shape a mismatch', () => {
    expect(decodedShape({ width: 600, height: 400 }, undefined, { width: 601, height: 400 })).toBe('mismatch');
    expect(decodedShape({ width: 600, height: 400 }, undefined, { width: 300, height: 200 })).toBe('mismatch');
  });
});
