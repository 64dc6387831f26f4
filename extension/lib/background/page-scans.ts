import { browser } from 'wxt/browser';
import { ClassifyError, toFailure } from '../classify-error';
import { buildClassifyRequest } from '../messages';
import { readSettings } from '../settings';
import { buildSerialQueue } from '../serial-queue';
import { CLICK_DEADLINE_MS } from '../time-limits';
import { isPageToBackground, PAGE_MESSAGE, type AnsweredLabel, type BackgroundToPage } from '../page/page-messages';
import { addAnswer, addFound, newPageScan, pageScanItem, type ImageTimings, type PageScanState } from '../page/page-scan-state';
import type { Classifier } from './classifier';
import { imageSite, siteAccessPattern } from './request-site-access';

/** The built content script that labels a page (WXT builds entrypoints/label-page.content.ts to it). */
export const PAGE_LABELLER_FILE = '/content-scripts/label-page.js';

/** What the page scans need from the rest of the background. */
export interface PageScanDeps {
  classifier: Classifier;
}

/** The page-scan side of the background: starts, clears and filters scans; classifies what pages send. */
export interface PageScans {
  /** Injects the labeller into the tab (under activeTab) and starts a scan; a running scan rescans. */
  label(tabId: number): Promise<void>;
  /** Removes every badge from the tab and stops its scan. */
  clear(tabId: number): Promise<void>;
  /** Outlines one class's images on the tab (null: none). */
  filter(tabId: number, className: string | null): Promise<void>;
}

/** The sentence on an image whose site the user has not allowed. */
function siteNotAllowed(imageUrl: string): ClassifyError {
  const host = imageSite(imageUrl)?.host ?? imageUrl;
  return new ClassifyError(
    'no-site-access',
    `Fashion Lens may not read images from ${host} yet. Open the Fashion Lens popup on this tab and click "Allow and label" to allow that site.`,
  );
}

/**
 * Builds the page scans and answers the labellers' messages. Each tab's state lives in session
 * storage (the popup reads it) and is written on one queue per worker, so answers arriving
 * together never drop each other; it is removed when the tab closes or navigates. Images are
 * classified through the same classifier request as a right-click (same fetch, limits, checks and
 * sentences), each with the click deadline. A batch is answered when all its images are: if the
 * worker stops first, the labeller's message fails and it sends the batch again (to the new worker).
 */
export function buildPageScans(deps: PageScanDeps): PageScans {
  const { run: serially } = buildSerialQueue();

  /** Changes the tab's scan, if it is still the one with `scanId` (answers for a scan the tab has left behind are dropped). */
  const update = (tabId: number, scanId: string | undefined, change: (state: PageScanState) => PageScanState) =>
    serially(async () => {
      const item = pageScanItem(tabId);
      const state = await item.getValue();
      if (state && (scanId === undefined || state.id === scanId)) await item.setValue(change(state));
    });

  /** The id of the tab's current scan (none: the page was left or cleared). */
  const currentScan = (tabId: number) => serially(async () => (await pageScanItem(tabId).getValue())?.id);

  const tell = (tabId: number, message: BackgroundToPage) => browser.tabs.sendMessage(tabId, message).catch(() => {}); // no labeller there: nothing to change

  async function classifyFor(tabId: number, scanId: string | undefined, url: string): Promise<AnsweredLabel> {
    let label: AnsweredLabel;
    let timings: ImageTimings | undefined;
    try {
      const pattern = siteAccessPattern(url);
      if (pattern !== null && !(await browser.permissions.contains({ origins: [pattern] }))) throw siteNotAllowed(url);
      const { modelId, backend } = await readSettings();
      const response = await deps.classifier.classify(buildClassifyRequest({ requestId: crypto.randomUUID(), imageUrl: url, modelId, backend, deadline: Date.now() + CLICK_DEADLINE_MS }));
      if (response.ok) timings = response.result.timings;
      label = response.ok ? { state: 'done', top3: response.result.top3 } : { state: 'error', error: response.error };
    } catch (error) {
      label = { state: 'error', error: toFailure(error) };
    }
    const answer =
      label.state === 'done'
        ? { top3: label.top3, ...(timings ? { timings } : {}) }
        : { error: label.error, blank: label.error.code === 'blank-image', ...(label.error.code === 'no-site-access' ? { sitePattern: siteAccessPattern(url) ?? undefined } : {}) };
    await update(tabId, scanId, (state) => addAnswer(state, answer, Date.now())).catch(() => {});
    return label;
  }

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const tabId = sender.tab?.id;
    if (!isPageToBackground(message) || tabId === undefined) return false;
    void currentScan(tabId).then(async (scanId) => {
      if (message.kind === 'found') return update(tabId, scanId, (state) => addFound(state, message.added, message.overCap, Date.now()));
      sendResponse(await Promise.all(message.urls.map((url) => classifyFor(tabId, scanId, url))));
    });
    return message.kind === 'classify';
  });

  // Nothing of a scan outlives its page.
  const forget = (tabId: number) => void serially(() => pageScanItem(tabId).removeValue()).catch(() => {});
  browser.tabs.onRemoved.addListener(forget);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') forget(tabId);
  });

  return {
    async label(tabId) {
      // A new scan, or the page's again from the start (e.g. after the user allowed more sites: a labeller already there resends every image).
      await serially(() => pageScanItem(tabId).setValue(newPageScan(tabId, Date.now())));
      await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_LABELLER_FILE] });
    },
    async clear(tabId) {
      await tell(tabId, { type: PAGE_MESSAGE, kind: 'clear' });
      await serially(() => pageScanItem(tabId).removeValue());
    },
    async filter(tabId, className) {
      await tell(tabId, { type: PAGE_MESSAGE, kind: 'filter', className });
      await update(tabId, undefined, (state) => ({ ...state, filter: className }));
    },
  };
}
