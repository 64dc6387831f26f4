import { toFailure } from '../classify-error';
import { buildClassifyRequest } from '../messages';
import { readSettings } from '../settings';
import type { FinishedEntry, ResultEntry } from '../types';
import type { ResultStore } from '../result-store';
import { showBadge } from '../badge';
import type { OffscreenDocumentKeeper } from './offscreen-document';
import { sendClassifyRequest } from './send-classify-request';
import { tryOpenPopup } from './open-popup';

/** How long the background waits for the offscreen document (first request includes model load). */
export const BACKGROUND_TIMEOUT_MS = 120_000;

/** Longest image address kept in storage (data: URLs can be megabytes; the thumbnail shows the image). */
const MAX_STORED_URL = 500;

/** What the background needs to classify (built once per service worker start). */
export interface ClassifyDeps {
  offscreen: OffscreenDocumentKeeper;
  store: ResultStore;
  /** Try to open the popup; defaults to action.openPopup(). */
  openPopup?: () => Promise<boolean>;
}

export function shortenUrl(url: string): string {
  return url.length <= MAX_STORED_URL ? url : `${url.slice(0, MAX_STORED_URL - 1)}…`;
}

/**
 * The context menu's code path: records a pending entry (badge "…", popup opens where allowed and
 * shows "Classifying…"), makes sure the offscreen document exists, asks it to classify, then
 * stores the result or the error sentence and updates the badge. Never throws: every failure
 * becomes an error entry the popup shows.
 */
export async function classifyImageUrl(imageUrl: string, pageUrl: string | undefined, deps: ClassifyDeps): Promise<FinishedEntry> {
  const { modelId, backend } = await readSettings();
  const pending: ResultEntry & { status: 'pending' } = {
    id: crypto.randomUUID(),
    imageUrl: shortenUrl(imageUrl),
    ...(pageUrl ? { pageUrl } : {}),
    modelId,
    requestedAt: Date.now(),
    status: 'pending',
  };
  await deps.store.start(pending);
  await showBadge(pending);
  void (deps.openPopup ?? tryOpenPopup)();

  let finished: FinishedEntry;
  try {
    await deps.offscreen.ensure();
    const response = await sendClassifyRequest(buildClassifyRequest({ requestId: pending.id, imageUrl, modelId, backend }), BACKGROUND_TIMEOUT_MS);
    finished = response.ok
      ? { ...pending, status: 'done', result: response.result, finishedAt: Date.now() }
      : { ...pending, status: 'error', error: response.error, finishedAt: Date.now() };
  } catch (error) {
    finished = { ...pending, status: 'error', error: toFailure(error), finishedAt: Date.now() };
  }
  if (await deps.store.finish(finished)) await showBadge(finished);
  return finished;
}
