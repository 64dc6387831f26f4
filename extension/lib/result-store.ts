import { storage } from 'wxt/utils/storage';
import { abandonedEntry } from './abandoned-entry';
import { buildSerialQueue } from './serial-queue';
import type { FinishedEntry, ResultEntry } from './types';

/** How many finished classifications the history keeps (newest first). */
export const HISTORY_LIMIT = 20;

/** The most recent click: pending while it runs, then its result or error. */
export const lastEntryItem = storage.defineItem<ResultEntry | null>('local:lastEntry', { fallback: null });

/** Finished classifications, newest first, at most HISTORY_LIMIT. */
export const historyItem = storage.defineItem<FinishedEntry[]>('local:history', { fallback: [] });

/** Adds an entry at the front of the history and drops the oldest beyond HISTORY_LIMIT. Pure. */
export function pushHistory(history: readonly FinishedEntry[], entry: FinishedEntry): FinishedEntry[] {
  return [entry, ...history.filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT);
}

/** Writes results; one store per service worker so its writes never interleave. */
export interface ResultStore {
  /** Records a click that just started; it becomes the last entry. */
  start(entry: ResultEntry & { status: 'pending' }): Promise<void>;
  /**
   * Records a finished click as the last entry unless a newer click started meanwhile, then in
   * the history. Resolves true when it is (still) the last entry. The last entry is written
   * first: it is what the popup shows, so when the history cannot grow (a full quota) a smaller
   * entry written after a refused one still replaces "Classifying…".
   */
  finish(entry: FinishedEntry): Promise<boolean>;
  /** Empties the history (the last entry stays). */
  clearHistory(): Promise<void>;
  /**
   * Marks the last entry failed if it is still pending: called when the service worker starts,
   * before any click of this worker is recorded, so a pending entry can only be one a stopped
   * worker left behind.
   */
  failAbandoned(now: number): Promise<void>;
}

/**
 * Builds the store. Read-modify-write of the history runs on one promise chain: concurrent
 * clicks finishing together would otherwise each read the same history and drop each other.
 */
export function buildResultStore(): ResultStore {
  const { run: serially } = buildSerialQueue();
  return {
    start: (entry) => serially(() => lastEntryItem.setValue(entry)),
    finish: (entry) =>
      serially(async () => {
        const [last, history] = await Promise.all([lastEntryItem.getValue(), historyItem.getValue()]);
        const isLast = last === null || last.id === entry.id || last.requestedAt < entry.requestedAt;
        if (isLast) await lastEntryItem.setValue(entry);
        await historyItem.setValue(pushHistory(history, entry));
        return isLast;
      }),
    clearHistory: () => serially(() => historyItem.setValue([])),
    failAbandoned: (now) =>
      serially(async () => {
        const last = await lastEntryItem.getValue();
        if (last?.status !== 'pending') return;
        const failed = abandonedEntry(last, now);
        await historyItem.setValue(pushHistory(await historyItem.getValue(), failed));
        await lastEntryItem.setValue(failed);
      }),
  };
}
