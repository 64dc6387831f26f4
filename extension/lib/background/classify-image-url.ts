import { capText } from '../cap-text';
import { toFailure } from '../classify-error';
import { errorText } from '../error-text';
import { fail } from '../failures';
import { CLICK_DEADLINE_MS } from '../time-limits';
import { buildClassifyRequest } from '../messages';
import { readSettings } from '../settings';
import type { ClassifyFailure, FinishedEntry, ResultEntry } from '../types';
import type { ResultStore } from '../result-store';
import { showBadge } from '../badge';
import type { Classifier } from './classifier';
import { imageSite } from './request-site-access';
import { tryOpenPopup } from './open-popup';
import type { RedirectLog } from './watch-redirects';

/** Longest image address kept in storage (data: URLs can be megabytes; the thumbnail shows the image). */
const MAX_STORED_URL = 500;

/** What the background needs to classify (built once per service worker start). */
export interface ClassifyDeps {
  /** Where images are classified (the offscreen document on Chrome, the background page on Firefox). */
  classifier: Classifier;
  store: ResultStore;
  /** Try to open the popup; defaults to action.openPopup(). */
  openPopup?: () => Promise<boolean>;
  /** Where downloads were redirected (watchRedirects), to name the site in the sentence; optional. */
  redirects?: RedirectLog;
}


export function shortenUrl(url: string): string {
  return capText(url, MAX_STORED_URL);
}

/**
 * The context menu's code path. `access` is the answer to the site-access request the click
 * made (see requestSiteAccess); without it the image is not fetched. Records a pending entry (badge "…", popup opens where allowed
 * and shows "Classifying…"), asks the classifier, then
 * stores the result or the error sentence and updates the badge. Never throws: every failure
 * becomes an error entry the popup shows, a failed storage write included.
 * What it stores is what the popup shows, bounded: the page's own address is not kept (a page
 * can make it megabytes long and fill the storage quota).
 */
export async function classifyImageUrl(imageUrl: string, deps: ClassifyDeps, access: Promise<boolean> = Promise.resolve(true)): Promise<FinishedEntry> {
  const { modelId, backend } = await readSettings();
  const pending: ResultEntry & { status: 'pending' } = {
    id: crypto.randomUUID(),
    imageUrl: shortenUrl(imageUrl),
    modelId,
    requestedAt: Date.now(),
    status: 'pending',
  };
  // If storage fails here the popup cannot show "Classifying…", but the answer is still recorded below.
  await deps.store.start(pending).catch(() => {});
  await showBadge(pending).catch(() => {});
  void (deps.openPopup ?? tryOpenPopup)();

  let finished: FinishedEntry;
  try {
    if (!(await access)) throw fail('no-site-access', imageSite(imageUrl)?.host ?? imageUrl);
    const deadline = pending.requestedAt + CLICK_DEADLINE_MS;
    const response = await deps.classifier.classify(buildClassifyRequest({ requestId: pending.id, imageUrl, modelId, backend, deadline, thumbnail: true }));
    finished = response.ok
      ? { ...pending, status: 'done', result: response.result, finishedAt: Date.now() }
      : { ...pending, status: 'error', error: nameRedirectTarget(response.error, imageUrl, deps.redirects), finishedAt: Date.now() };
  } catch (error) {
    finished = { ...pending, status: 'error', error: toFailure(error), finishedAt: Date.now() };
  }
  return record(pending, finished, deps.store);
}

/** The offscreen document cannot see where a refused redirect leads; the background may have: then the sentence names that site. */
function nameRedirectTarget(error: ClassifyFailure, imageUrl: string, redirects: RedirectLog | undefined): ClassifyFailure {
  const target = error.code === 'redirect-not-allowed' ? redirects?.targetOf(imageUrl) : undefined;
  return target ? toFailure(fail('redirect-not-allowed', imageUrl, target)) : error;
}

/**
 * Stores the finished entry and shows it on the badge. When storage refuses it (quota, a broken
 * profile), records a short error entry saying so instead, built from the click alone (the
 * result that did not fit stays out of it), so the popup shows the sentence at once instead of
 * "Classifying…"; the badge shows it even if that write fails too.
 */
async function record(pending: ResultEntry & { status: 'pending' }, finished: FinishedEntry, store: ResultStore): Promise<FinishedEntry> {
  let entry = finished;
  let isLast: boolean;
  try {
    isLast = await store.finish(entry);
  } catch (error) {
    entry = { ...pending, status: 'error', error: toFailure(fail('storage-refused', errorText(error))), finishedAt: finished.finishedAt };
    isLast = await store.finish(entry).catch(() => true);
  }
  if (isLast) await showBadge(entry).catch(() => {});
  return entry;
}

