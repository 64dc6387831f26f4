import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForExplain } from '../../../../../extension/lib/background/listen-for-explain';
import { buildOffscreenClassifier } from '../../../../../extension/lib/background/offscreen-classifier';
import { buildExplainRequest, type ExplainResponse } from '../../../../../extension/lib/explain-messages';
import { backendPreferenceItem } from '../../../../../extension/lib/settings';

type Listener = (message: unknown, sender: { url?: string }, sendResponse: (response: unknown) => void) => boolean;

const request = buildExplainRequest({ input: Array.from({ length: 784 }, () => 7), modelId: 'cnn', classIndex: 7 });
const answer: ExplainResponse = { ok: true, map: Array.from({ length: 784 }, () => 0.5), classIndex: 7, explainMs: 40, backend: 'wasm' };

let listener: Listener;
const ensure = vi.fn(async () => {});

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  ensure.mockClear();
  const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  listenForExplain(buildOffscreenClassifier({ ensure }));
  listener = addListener.mock.calls[0]![0] as unknown as Listener;
});

/** Delivers a message to the background's listener and waits for its answer (if it takes the message). */
function deliver(message: unknown, url: string): Promise<{ taken: boolean; response?: unknown }> {
  return new Promise((resolve) => {
    const taken = listener(message, { url }, (response) => resolve({ taken, response }));
    if (!taken) resolve({ taken });
  });
}

describe('listenForExplain', () => {
  it('passes a popup’s request to the offscreen document (created if needed) with the backend setting, and its answer back', async () => {
    await backendPreferenceItem.setValue('webgl');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(answer as never);
    const { taken, response } = await deliver(request, fakeBrowser.runtime.getURL('/popup.html'));
    expect(taken).toBe(true);
    expect(ensure).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ ...request, target: 'offscreen', backend: 'webgl' });
    expect(response).toEqual(answer);
  });

  it('answers a failure with a sentence when the classifier page is gone', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const { response } = await deliver(request, fakeBrowser.runtime.getURL('/popup.html'));
    expect(response).toEqual({ ok: false, error: { code: 'explainer-gone', message: 'The classifier page closed before it explained the result. Close and reopen the popup to try again.' } });
  });

  it('ignores a page’s content script and anything that is not a well-formed request', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect((await deliver(request, 'https://shop.example/products')).taken).toBe(false);
    expect((await deliver({ ...request, classIndex: 12 }, fakeBrowser.runtime.getURL('/popup.html'))).taken).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(ensure).not.toHaveBeenCalled();
  });
});
