import { describe, expect, it } from 'vitest';
import { buildExplainRequest, isExplainRequest, isOffscreenExplainRequest, parseExplainResponse } from '../../../../extension/lib/explain-messages';

const input = Array.from({ length: 784 }, (_, i) => i % 256);
const request = buildExplainRequest({ input, modelId: 'cnn', classIndex: 7 });

describe('explain messages', () => {
  it('accepts a well-formed request at each edge, and nothing else', () => {
    expect(isExplainRequest(request)).toBe(true);
    expect(isOffscreenExplainRequest(request)).toBe(false);
    const forwarded = { ...request, target: 'offscreen', backend: 'wasm' };
    expect(isOffscreenExplainRequest(forwarded)).toBe(true);
    expect(isExplainRequest(forwarded)).toBe(false);
    for (const bad of [null, 'x', { ...request, input: input.slice(1) }, { ...request, input: [...input.slice(1), 256] }, { ...request, input: [...input.slice(1), 0.5] }, { ...request, modelId: '../x' }, { ...request, classIndex: 10 }, { ...request, classIndex: -1 }, { ...request, type: 'other' }]) {
      expect(isExplainRequest(bad)).toBe(false);
    }
    expect(isOffscreenExplainRequest({ ...forwarded, backend: 'gpu' })).toBe(false);
  });

  it('turns no answer into a sentence and refuses a malformed one', () => {
    const none = parseExplainResponse(undefined);
    expect(none.ok ? '' : none.error.message).toBe('The classifier page closed before it explained the result. Close and reopen the popup to try again.');
    const ok = { ok: true, map: input, classIndex: 7, explainMs: 3, backend: 'wasm' };
    expect(parseExplainResponse(ok)).toEqual(ok);
    expect(() => parseExplainResponse({ ok: true, map: [1] })).toThrow(/answered a "Why\?" request with something unexpected/);
  });
});
