import { browser } from 'wxt/browser';
import { toFailure } from '../classify-error';
import { fail } from '../failures';
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


/**
 * Builds the page scans and answers the labellers' messages. Each tab's state lives in session
 * storage (the popup reads it) and is written on one queue per worker, so answers arriving
 * together never drop each other; it is removed when the tab closes or navigates. Images are
 * classified through the same classifier request as a right-click (same fetch, limits, checks and
 * sentences), each with the click deadline, without the thumbnail a click keeps. A batch is
 * answered, and the scan's state written, when all its images are: if the
 * worker stops first, the labeller's message fails and it sends the batch again (to the new worker).
 */
/** One image's answer, as the scan state records it. */
type Answer = Parameters<typeof addAnswer>[1];

/** The settings a page's images are classified with. */
type Settings = Awaited<ReturnType<typeof readSettings>>;

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


  /** Classifies one address through the offscreen document (the settings and the site check made once per batch). */
  async function classifyOne(url: string, settings: Settings, allowed: (url: string) => Promise<boolean>): Promise<{ label: AnsweredLabel; answer: Answer }> {
    let label: AnsweredLabel;
    let timings: ImageTimings | undefined;
    try {
      if (!(await allowed(url))) throw fail('page-site-not-allowed', imageSite(url)?.host ?? url);
      const response = await deps.classifier.classify(buildClassifyRequest({ requestId: crypto.randomUUID(), imageUrl: url, modelId: settings.modelId, backend: settings.backend, deadline: Date.now() + CLICK_DEADLINE_MS, thumbnail: false }));
      if (response.ok) timings = response.result.timings;
      label = response.ok ? { state: 'done', top3: response.result.top3 } : { state: 'error', error: response.error };
    } catch (error) {
      label = { state: 'error', error: toFailure(error) };
    }
    const answer: Answer =
      label.state === 'done'
        ? { top3: label.top3, ...(timings ? { timings } : {}) }
        : { error: label.error, blank: label.error.code === 'blank-image', ...(label.error.code === 'page-site-not-allowed' ? { sitePattern: siteAccessPattern(url) ?? undefined } : {}) };
    return { label, answer };
  }

  /**
   * Classifies one batch of a page's addresses: the settings read and each site's permission
   * asked once per batch, the images classified side by side,
   * and the scan's state written once when all are answered.
   */
  async function classifyBatch(tabId: number, scanId: string | undefined, urls: string[]): Promise<AnsweredLabel[]> {
    let results: { label: AnsweredLabel; answer: Answer }[];
    try {
      const settings = await readSettings();
      const sites = new Map<string, Promise<boolean>>();
      const allowed = (url: string) => {
        const pattern = siteAccessPattern(url);
        if (pattern === null) return Promise.resolve(true);
        if (!sites.has(pattern)) sites.set(pattern, browser.permissions.contains({ origins: [pattern] }));
        return sites.get(pattern)!;
      };
      results = await Promise.all(urls.map((url) => classifyOne(url, settings, allowed)));
    } catch (error) {
      const failure = toFailure(error);
      results = urls.map(() => ({ label: { state: 'error', error: failure }, answer: { error: failure, blank: false } }));
    }
    await update(tabId, scanId, (state) => results.reduce((next, { answer }) => addAnswer(next, answer, Date.now()), state)).catch(() => {});
    return results.map((r) => r.label);
  }

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const tabId = sender.tab?.id;
    if (!isPageToBackground(message) || tabId === undefined) return false;
    void currentScan(tabId).then(async (scanId) => {
      if (message.kind === 'found') return update(tabId, scanId, (state) => addFound(state, message.added, message.overCap, Date.now()));
      sendResponse(await classifyBatch(tabId, scanId, message.urls));
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
