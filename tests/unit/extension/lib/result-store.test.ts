import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForPopup } from '../../../../extension/lib/background/listen-for-popup';
import { buildClearHistoryRequest } from '../../../../extension/lib/messages';
import { buildResultStore, HISTORY_LIMIT, historyItem, lastEntryItem, pushHistory } from '../../../../extension/lib/result-store';
import type { FinishedEntry, ResultEntry } from '../../../../extension/lib/types';

const pending = (id: string, requestedAt: number): ResultEntry & { status: 'pending' } => ({ id, imageUrl: `https://shop.example/${id}.jpg`, modelId: 'cnn', requestedAt, status: 'pending' });
const failed = (id: string, requestedAt: number): FinishedEntry => ({ ...pending(id, requestedAt), status: 'error', error: { code: 'http-error', message: `${id} failed` }, finishedAt: requestedAt + 5 });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('pushHistory', () => {
  it('puts the newest first and keeps at most HISTORY_LIMIT', () => {
    let history: FinishedEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = pushHistory(history, failed(`e${i}`, i));
    expect(HISTORY_LIMIT).toBe(20);
    expect(history).toHaveLength(20);
    expect(history[0]!.id).toBe('e24');
    expect(history.at(-1)!.id).toBe('e5');
  });

  it('replaces an entry with the same id instead of listing it twice', () => {
    const history = pushHistory(pushHistory([], failed('a', 1)), failed('a', 1));
    expect(history.map((e) => e.id)).toEqual(['a']);
  });
});

describe('buildResultStore', () => {
  it('shows a click as pending, then finished, in chrome.storage.local', async () => {
    const store = buildResultStore();
    await store.start(pending('a', 1));
    expect(await lastEntryItem.getValue()).toMatchObject({ id: 'a', status: 'pending' });
    expect(await store.finish(failed('a', 1))).toBe(true);
    expect(await lastEntryItem.getValue()).toMatchObject({ id: 'a', status: 'error' });
    expect((await fakeBrowser.storage.local.get('history')).history).toHaveLength(1);
  });

  it('loses no result when many clicks finish at once', async () => {
    const store = buildResultStore();
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.finish(failed(`c${i}`, i))));
    const history = await historyItem.getValue();
    expect(history.map((e) => e.id).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `c${i}`).sort());
  });

  it('keeps the newer click as the last entry when an older one finishes after it started', async () => {
    const store = buildResultStore();
    await store.start(pending('old', 1));
    await store.start(pending('new', 2));
    expect(await store.finish(failed('old', 1))).toBe(false);
    expect(await lastEntryItem.getValue()).toMatchObject({ id: 'new', status: 'pending' });
    expect((await historyItem.getValue()).map((e) => e.id)).toEqual(['old']);
  });

  it('clears the history but not the last entry', async () => {
    const store = buildResultStore();
    await store.start(pending('a', 1));
    await store.finish(failed('a', 1));
    await store.clearHistory();
    expect(await historyItem.getValue()).toEqual([]);
    expect(await lastEntryItem.getValue()).toMatchObject({ id: 'a' });
  });
});

describe('failAbandoned (a new service worker starts)', () => {
  it('turns a click the stopped worker left pending into a failed entry, in the history too', async () => {
    const store = buildResultStore();
    await store.start(pending('cut-off', 1_000));
    await store.failAbandoned(9_000);
    const last = await lastEntryItem.getValue();
    expect(last).toMatchObject({ id: 'cut-off', status: 'error', finishedAt: 9_000, error: { code: 'abandoned', message: expect.stringMatching(/^This classification stopped before it finished/) } });
    expect(await historyItem.getValue()).toEqual([last]);
  });

  it('leaves finished entries alone', async () => {
    const store = buildResultStore();
    await store.finish(failed('done', 1_000));
    await store.failAbandoned(9_000);
    expect(await lastEntryItem.getValue()).toEqual(failed('done', 1_000));
    expect(await historyItem.getValue()).toHaveLength(1);
  });

  it('runs before a click queued after it, so the new click stays pending', async () => {
    await lastEntryItem.setValue(pending('cut-off', 1_000));
    const store = buildResultStore();
    const sweeping = store.failAbandoned(9_000);
    await store.start(pending('new', 9_001));
    await sweeping;
    expect(await lastEntryItem.getValue()).toMatchObject({ id: 'new', status: 'pending' });
  });
});

describe("the popup's Clear history", () => {
  it('queues behind a click being recorded, so the clear is not undone by it', async () => {
    const store = buildResultStore();
    listenForPopup(store);
    await store.finish(failed('old', 1));
    const recording = store.finish(failed('new', 2)); // reads the history, then writes it back with 'new'
    await fakeBrowser.runtime.onMessage.trigger(buildClearHistoryRequest(), { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as never);
    await recording;
    await vi.waitFor(async () => expect(await historyItem.getValue()).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await historyItem.getValue()).toEqual([]); // and it stays cleared
  });

  it('is not heard from a content script (a message that carries a web page’s URL) nor from a sender without a URL', async () => {
    await historyItem.setValue([failed('kept', 1)]);
    listenForPopup(buildResultStore());
    await fakeBrowser.runtime.onMessage.trigger(buildClearHistoryRequest(), { id: fakeBrowser.runtime.id, tab: { id: 1 }, url: 'https://shop.example/product' } as never);
    await fakeBrowser.runtime.onMessage.trigger(buildClearHistoryRequest(), { id: fakeBrowser.runtime.id } as never);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await historyItem.getValue()).toHaveLength(1);
  });
});
