import { sentence } from './failures';
import { CLICK_DEADLINE_MS } from './time-limits';
import type { FinishedEntry, ResultEntry } from './types';

/** What a click whose classification stopped without an answer becomes. Pure. */
export function abandonedEntry(entry: ResultEntry & { status: 'pending' }, finishedAt: number): FinishedEntry {
  return {
    ...entry,
    status: 'error',
    error: { code: 'abandoned', message: sentence('abandoned') },
    finishedAt,
  };
}

/** How long past its deadline a pending entry may wait for the background to record its answer. */
const RECORD_GRACE_MS = 5_000;

/**
 * The entry as the popup shows it at `now`: a click still pending well past its deadline has no
 * one left to answer it (the service worker stopped mid-request), so it is shown as failed. Pure.
 */
export function asShown(entry: ResultEntry, now: number): ResultEntry {
  return entry.status === 'pending' && now >= staleAt(entry) ? abandonedEntry(entry, now) : entry;
}

/** When a pending entry counts as abandoned (epoch ms). */
export const staleAt = (entry: Pick<ResultEntry, 'requestedAt'>): number => entry.requestedAt + CLICK_DEADLINE_MS + RECORD_GRACE_MS;
