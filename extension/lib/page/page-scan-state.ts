import { storage } from 'wxt/utils/storage';
import type { ClassifyFailure, Prediction, StageTimings } from '../types';

/** One tab's page scan as the popup shows it. Kept in session storage: gone with the browser session, removed with the tab. */
export interface PageScanState {
  /** This scan's id: answers for an earlier scan of the tab (before a reload or a new "Label this page") are not counted in it. */
  id: string;
  tabId: number;
  /** scanning: answers still to come; done: every image found so far is answered; cleared: the user removed the labels. */
  status: 'scanning' | 'done' | 'cleared';
  startedAt: number;
  /** When the last answer came (ms since epoch). */
  updatedAt: number;
  /** Distinct image addresses sent for classification. */
  total: number;
  /** Of those, answered with a label. */
  labelled: number;
  /** Of those, answered with a reason why not (their badge says it). */
  failed: number;
  /** Of those, blank or near-blank (placeholders, spacers): no badge, no label. */
  skipped: number;
  /** Distinct addresses left out by the page cap. */
  overCap: number;
  /** Labelled addresses per top-1 class name. */
  counts: Record<string, number>;
  /** The class the page is filtered by, or null. */
  filter: string | null;
  /** Site patterns (https://cdn.example/*) of images the user has not allowed Fashion Lens to read. */
  needsAccess: string[];
  /** Time spent per stage, summed over the labelled images (ms), and how many predicts ran (one per batch). */
  timings: { fetchMs: number; decodeMs: number; convertMs: number; predictMs: number; batches: number };
}

/** The stage times of one labelled image, as the classifier reports them. */
export type ImageTimings = Pick<StageTimings, 'fetchMs' | 'decodeMs' | 'convertMs' | 'predictMs' | 'batchSize'>;

/** The storage item holding one tab's scan. */
export const pageScanItem = (tabId: number) => storage.defineItem<PageScanState | null>(`session:pageScan:${tabId}`, { fallback: null });

/** A fresh scan of a tab. Pure. */
export function newPageScan(tabId: number, now: number, id: string = crypto.randomUUID()): PageScanState {
  return { id, tabId, status: 'scanning', startedAt: now, updatedAt: now, total: 0, labelled: 0, failed: 0, skipped: 0, overCap: 0, counts: {}, filter: null, needsAccess: [], timings: { fetchMs: 0, decodeMs: 0, convertMs: 0, predictMs: 0, batches: 0 } };
}

/** Adds newly found addresses. Pure. */
export function addFound(state: PageScanState, count: number, overCap: number, now: number): PageScanState {
  const total = state.total + count;
  const answered = state.labelled + state.failed + state.skipped;
  return { ...state, status: answered >= total ? 'done' : 'scanning', total, overCap: Math.max(state.overCap, overCap), updatedAt: now };
}

/**
 * Records one answer. `blank` answers count as skipped, not failed; `sitePattern` is the site an
 * image could not be read from for want of the user's permission. Pure.
 */
export function addAnswer(
  state: PageScanState,
  answer: { top3: Prediction[]; timings?: ImageTimings } | { error: ClassifyFailure; blank: boolean; sitePattern?: string },
  now: number,
): PageScanState {
  const next = { ...state, updatedAt: now };
  if ('error' in answer && answer.sitePattern !== undefined && !state.needsAccess.includes(answer.sitePattern)) next.needsAccess = [...state.needsAccess, answer.sitePattern];
  if ('top3' in answer) {
    const name = answer.top3[0]?.label ?? '?';
    next.labelled++;
    next.counts = { ...state.counts, [name]: (state.counts[name] ?? 0) + 1 };
    const t = answer.timings;
    // Each image of a batch of n counts 1/n of a predict.
    if (t) next.timings = { fetchMs: state.timings.fetchMs + t.fetchMs, decodeMs: state.timings.decodeMs + t.decodeMs, convertMs: state.timings.convertMs + t.convertMs, predictMs: state.timings.predictMs + t.predictMs, batches: state.timings.batches + 1 / (t.batchSize ?? 1) };
  } else if (answer.blank) next.skipped++;
  else next.failed++;
  if (next.labelled + next.failed + next.skipped >= next.total) next.status = 'done';
  return next;
}
