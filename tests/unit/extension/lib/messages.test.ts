import { describe, expect, it } from 'vitest';
import { ClassifyError } from '../../../../extension/lib/failures';
import { buildClassifyRequest, isClassifyRequest, parseClassifyResponse } from '../../../../extension/lib/messages';

const request = buildClassifyRequest({ requestId: 'r1', imageUrl: 'https://shop.example/a.jpg', modelId: 'cnn', backend: 'auto', deadline: 1_700_000_120_000, thumbnail: true });

describe('classification messages', () => {
  it('accepts the requests buildClassifyRequest makes', () => {
    expect(request).toMatchObject({ type: 'fashion-lens/classify', target: 'offscreen' });
    expect(isClassifyRequest(request)).toBe(true);
    expect(isClassifyRequest(JSON.parse(JSON.stringify(request)))).toBe(true);
    expect(isClassifyRequest({ ...request, modelId: 'keras-seed-cnn' })).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'classify'],
    ['another type', { ...request, type: 'other' }],
    ['a message for the popup', { ...request, target: 'popup' }],
    // Any packaged folder's id is a model id now (issue 23); one no folder could have is refused.
    ['a model id no folder could have', { ...request, modelId: '../cnn' }],
    ['an unknown backend', { ...request, backend: 'webgpu' }],
    ['an empty URL', { ...request, imageUrl: '' }],
    ['no request id', { ...request, requestId: undefined }],
    ['no deadline', { ...request, deadline: undefined }],
    ['a deadline that is not a time', { ...request, deadline: Number.NaN }],
  ])('refuses %s', (_, message) => {
    expect(isClassifyRequest(message)).toBe(false);
  });

  it('passes well-formed answers through', () => {
    const failure = { ok: false, error: { code: 'svg', message: 'This is an SVG drawing.' } };
    expect(parseClassifyResponse(failure)).toEqual(failure);
    const success = { ok: true, result: { top3: [] } };
    expect(parseClassifyResponse(success)).toEqual(success);
  });

  it('says the classifier page closed when the answer is undefined, as a typed error with its sentence', () => {
    expect(() => parseClassifyResponse(undefined)).toThrow(ClassifyError);
    expect(() => parseClassifyResponse(undefined)).toThrow('The classifier page closed before it answered. Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.');
  });

  it.each([[{ ok: true }], [{ ok: false, error: { code: 1 } }], [42], [{ result: {} }]])('refuses the malformed answer %j', (response) => {
    expect(() => parseClassifyResponse(response)).toThrow(/unexpected/);
  });
});
