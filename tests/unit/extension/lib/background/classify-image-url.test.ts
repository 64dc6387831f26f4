import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyImageUrl, shortenUrl, type ClassifyDeps } from '../../../../../extension/lib/background/classify-image-url';
import { buildOffscreenClassifier } from '../../../../../extension/lib/background/offscreen-classifier';
import { handleContextMenuClick, MENU_ID, registerContextMenu } from '../../../../../extension/lib/background/context-menu';
import { isClassifyRequest, type ClassifyRequest, type ClassifyResponse } from '../../../../../extension/lib/messages';
import { buildResultStore, historyItem, lastEntryItem } from '../../../../../extension/lib/result-store';
import { backendPreferenceItem, modelChoiceItem } from '../../../../../extension/lib/settings';
import type { ClassifyResult } from '../../../../../extension/lib/types';

const RESULT = {
  modelId: 'lenet5',
  modelName: 'LeNet-5',
  top3: [
    { index: 7, label: 'Sneaker', probability: 0.9 },
    { index: 5, label: 'Sandal', probability: 0.06 },
    { index: 9, label: 'Ankle boot', probability: 0.03 },
  ],
} as unknown as ClassifyResult;

let deps: ClassifyDeps;
let ensure: ReturnType<typeof vi.fn<() => Promise<void>>>;
let received: ClassifyRequest[];

/** Plays the offscreen document: answers classification requests like the real listener does. */
function answerWith(answer: (request: ClassifyRequest) => ClassifyResponse) {
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    if (!isClassifyRequest(message)) return undefined;
    received.push(message);
    return answer(message);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  received = [];
  ensure = vi.fn(async () => {});
  deps = { classifier: buildOffscreenClassifier({ ensure }), store: buildResultStore(), openPopup: vi.fn(async () => false) };
  Object.assign(fakeBrowser, { permissions: { request: vi.fn(async () => true), contains: vi.fn(async () => true) } });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('classifyImageUrl', () => {
  it('sends the remembered model and backend, stores the result and shows it on the badge', async () => {
    await modelChoiceItem.setValue('lenet5');
    await backendPreferenceItem.setValue('wasm');
    answerWith(() => ({ ok: true, result: RESULT }));
    const entry = await classifyImageUrl('https://shop.example/shoe.jpg', deps);

    expect(ensure).toHaveBeenCalledOnce();
    expect(received).toEqual([expect.objectContaining({ imageUrl: 'https://shop.example/shoe.jpg', modelId: 'lenet5', backend: 'wasm', requestId: entry.id })]);
    expect(entry).toMatchObject({ status: 'done', result: RESULT });
    expect(entry).not.toHaveProperty('pageUrl');
    expect(await lastEntryItem.getValue()).toEqual(entry);
    expect(await historyItem.getValue()).toEqual([entry]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('Snkr');
    expect(deps.openPopup).toHaveBeenCalledOnce();
  });

  it('stores the offscreen document’s error sentence and shows "!"', async () => {
    answerWith(() => ({ ok: false, error: { code: 'svg', message: 'This is an SVG drawing, not a photo.' } }));
    const entry = await classifyImageUrl('https://shop.example/logo.svg', deps);
    expect(entry).toMatchObject({ status: 'error', error: { code: 'svg', message: 'This is an SVG drawing, not a photo.' } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('SVG drawing');
  });

  it('turns a missing offscreen document into a sentence instead of throwing', async () => {
    // Chrome's rejection when no page listens (the fake browser words it differently).
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(entry.status).toBe('error');
    expect(entry.status === 'error' && entry.error).toEqual({
      code: 'classifier-gone',
      message: 'The classifier page closed before it answered. Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.',
    });
  });

  it('says the classifier died when it never answers', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValueOnce(new Promise(() => {}));
      const running = classifyImageUrl('https://shop.example/a.jpg', deps);
      await vi.advanceTimersByTimeAsync(120_000 + 2_000); // the deadline, plus the grace for the offscreen document's own answer
      const entry = await running;
      expect(entry.status === 'error' && entry.error.message).toBe('The classifier did not answer within 120 seconds. Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('records the failure when the offscreen document cannot be created', async () => {
    ensure.mockRejectedValueOnce(new Error('Offscreen API is disabled'));
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(entry.status === 'error' && entry.error.message).toContain('Offscreen API is disabled');
    expect(await lastEntryItem.getValue()).toMatchObject({ status: 'error' });
  });

  it('shows "…" while the classifier works', async () => {
    let release!: () => void;
    answerWith(() => ({ ok: true, result: RESULT }));
    ensure.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)));
    const running = classifyImageUrl('https://shop.example/a.jpg', deps);
    await vi.waitFor(() => expect(ensure).toHaveBeenCalled());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('…');
    expect(await lastEntryItem.getValue()).toMatchObject({ status: 'pending' });
    release();
    await running;
  });

  it('records a short error entry when storage refuses the result, instead of leaving "Classifying…"', async () => {
    answerWith(() => ({ ok: true, result: RESULT }));
    const finish = deps.store.finish.bind(deps.store);
    let refused = 0;
    deps.store = { ...deps.store, finish: async (entry) => (entry.status === 'done' && ++refused ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : finish(entry)) };
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(refused).toBe(1);
    expect(entry.status === 'error' && entry.error.message).toBe("The result could not be saved in Chrome's storage (QUOTA_BYTES quota exceeded). Clear the history in the popup, then click the image again.");
    expect(await lastEntryItem.getValue()).toEqual(entry);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('records the storage sentence at once when the quota refuses the result: the short entry leaves the result out', async () => {
    // Chrome's storage with 3 kB left: the pending entry fits, a result (the 28x28 input alone is 2-3 kB) does not.
    answerWith(() => ({ ok: true, result: { ...RESULT, input: Array.from({ length: 784 }, () => 255) } }));
    const refuseLarge = async <T>(write: () => Promise<T>, value: unknown): Promise<T> => {
      if (JSON.stringify(value).length > 3_000) throw new Error('Resource::kQuotaBytes quota exceeded');
      return write();
    };
    const setLast = lastEntryItem.setValue.bind(lastEntryItem);
    const setHistory = historyItem.setValue.bind(historyItem);
    vi.spyOn(lastEntryItem, 'setValue').mockImplementation((value) => refuseLarge(() => setLast(value), value));
    vi.spyOn(historyItem, 'setValue').mockImplementation((value) => refuseLarge(() => setHistory(value), value));
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(entry.status === 'error' && entry.error.message).toBe("The result could not be saved in Chrome's storage (Resource::kQuotaBytes quota exceeded). Clear the history in the popup, then click the image again.");
    expect(entry).not.toHaveProperty('result');
    expect(await lastEntryItem.getValue()).toEqual(entry);
    expect(await historyItem.getValue()).toEqual([entry]);
  });

  it("recognises Chrome's message-channel text when the classifier page closes mid-request", async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(
      new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'),
    );
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(entry.status === 'error' && entry.error).toEqual({
      code: 'classifier-gone',
      message: 'The classifier page closed before it answered. Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.',
    });
  });

  it('names the site a refused redirect leads to when the background saw the redirect', async () => {
    answerWith(() => ({ ok: false, error: { code: 'redirect-not-allowed', message: 'The image at shop.example redirects to another site, …' } }));
    deps.redirects = { targetOf: (url) => (url === 'https://shop.example/a.jpg' ? 'https://cdn.elsewhere.example/a.jpg' : undefined) };
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(entry.status === 'error' && entry.error).toEqual({
      code: 'redirect-not-allowed',
      message: 'The image at shop.example redirects to cdn.elsewhere.example, a site Fashion Lens has not been allowed to read. To allow it, open the image in a new tab and right-click it there: Chrome then asks whether Fashion Lens may read cdn.elsewhere.example.',
    });
  });

  it('still classifies and records the answer when the pending entry cannot be written', async () => {
    answerWith(() => ({ ok: true, result: RESULT }));
    deps.store = { ...deps.store, start: async () => Promise.reject(new Error('IO error')) };
    const entry = await classifyImageUrl('https://shop.example/a.jpg', deps);
    expect(entry).toMatchObject({ status: 'done', result: RESULT });
    expect(await lastEntryItem.getValue()).toEqual(entry);
  });

  it('does not fetch an image whose site the user did not allow, and says how to allow it', async () => {
    answerWith(() => ({ ok: true, result: RESULT }));
    const entry = await classifyImageUrl('https://cdn.shop.example:8443/a.jpg', deps, Promise.resolve(false));
    expect(entry.status === 'error' && entry.error).toEqual({
      code: 'no-site-access',
      message: "Fashion Lens may not read images from cdn.shop.example:8443: Chrome asks once per site, and it was not allowed. Right-click the image again and choose Allow, or allow the site under the extension's details on chrome://extensions.",
    });
    expect(received).toEqual([]);
    expect(ensure).not.toHaveBeenCalled();
  });

  it('keeps huge data: URLs out of storage', () => {
    const url = `data:image/png;base64,${'A'.repeat(100_000)}`;
    expect(shortenUrl(url).length).toBe(500);
    expect(shortenUrl('https://shop.example/a.jpg')).toBe('https://shop.example/a.jpg');
  });
});

describe('the context menu', () => {
  it('registers "Classify with Fashion Lens" on images', async () => {
    const create = vi.fn();
    const removeAll = vi.fn(async () => {});
    Object.assign(fakeBrowser, { contextMenus: { create, removeAll } });
    await registerContextMenu();
    expect(removeAll).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: 'Classify with Fashion Lens', contexts: ['image'] });
  });

  it('asks for the image’s site before anything else, within the click', async () => {
    answerWith(() => ({ ok: true, result: RESULT }));
    const request = vi.fn(async () => false);
    Object.assign(fakeBrowser, { permissions: { request, contains: vi.fn(async () => false) } });
    const clicked = handleContextMenuClick({ menuItemId: MENU_ID, srcUrl: 'https://cdn.shop.example/a.jpg' }, undefined, deps);
    expect(request).toHaveBeenCalledWith({ origins: ['https://cdn.shop.example/*'] }); // synchronously, in the click's turn
    expect(await clicked).toMatchObject({ status: 'error', error: { code: 'no-site-access' } });
    expect(received).toEqual([]);
  });

  it('classifies the clicked image and ignores other menu items', async () => {
    answerWith(() => ({ ok: true, result: RESULT }));
    expect(await handleContextMenuClick({ menuItemId: 'other', srcUrl: 'https://x/a.jpg' }, undefined, deps)).toBeUndefined();
    const entry = await handleContextMenuClick({ menuItemId: MENU_ID, srcUrl: 'https://x/a.jpg' }, undefined, deps);
    expect(entry).toMatchObject({ status: 'done', imageUrl: 'https://x/a.jpg' });
    expect(received).toHaveLength(1);
  });
});
