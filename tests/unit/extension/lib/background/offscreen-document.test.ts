import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildOffscreenDocumentKeeper, OFFSCREEN_PATH } from '../../../../../extension/lib/background/offscreen-document';

// WXT's fake browser has neither runtime.getContexts nor offscreen: mock both, with a fake
// Chrome that holds at most one document and refuses a second as Chrome does.
let documents = 0;
const getContexts = vi.fn(async () => Array.from({ length: documents }, () => ({ contextType: 'OFFSCREEN_DOCUMENT' })));
const createDocument = vi.fn(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20)); // creation takes a while, as in Chrome
  if (documents > 0) throw new Error('Only a single offscreen document may be created.');
  documents++;
});

beforeEach(() => {
  fakeBrowser.reset();
  documents = 0;
  getContexts.mockClear();
  createDocument.mockClear();
  Object.assign(fakeBrowser.runtime, { getContexts });
  Object.assign(fakeBrowser, { offscreen: { createDocument } });
});

describe('buildOffscreenDocumentKeeper', () => {
  it('creates the document once however many clicks arrive together', async () => {
    const keeper = buildOffscreenDocumentKeeper();
    await Promise.all(Array.from({ length: 10 }, () => keeper.ensure()));
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(documents).toBe(1);
    expect(createDocument.mock.calls[0]).toEqual([
      expect.objectContaining({ url: fakeBrowser.runtime.getURL(OFFSCREEN_PATH), reasons: ['BLOBS'], justification: expect.any(String) }),
    ]);
  });

  it('asks Chrome for the document URL it creates', async () => {
    await buildOffscreenDocumentKeeper().ensure();
    expect(getContexts).toHaveBeenCalledWith({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [fakeBrowser.runtime.getURL(OFFSCREEN_PATH)] });
  });

  it('reuses the document a previous service worker created', async () => {
    await buildOffscreenDocumentKeeper().ensure();
    const afterRestart = buildOffscreenDocumentKeeper(); // fresh module state, as after a restart
    await afterRestart.ensure();
    await afterRestart.ensure();
    expect(createDocument).toHaveBeenCalledTimes(1);
  });

  it('accepts losing a creation race to another worker', async () => {
    const a = buildOffscreenDocumentKeeper();
    const b = buildOffscreenDocumentKeeper();
    await expect(Promise.all([a.ensure(), b.ensure()])).resolves.toBeDefined();
    expect(createDocument).toHaveBeenCalledTimes(2);
    expect(documents).toBe(1);
  });

  it('reports other failures and tries again on the next call', async () => {
    createDocument.mockRejectedValueOnce(new Error('Offscreen API is disabled'));
    const keeper = buildOffscreenDocumentKeeper();
    await expect(keeper.ensure()).rejects.toThrow('Offscreen API is disabled');
    await keeper.ensure();
    expect(documents).toBe(1);
  });
});
