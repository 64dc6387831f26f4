import type { Page, Worker } from 'playwright-core';

/** The one chrome.* call made inside the service worker (this file has Node types, not Chrome's). */
declare const chrome: { tabs: { query(filter: { url: string; active?: boolean }): Promise<{ id?: number }[]> } };

/**
 * The tab id Chrome gives `page`, which shows `url`: the active tab showing it, once the page is
 * brought to the front (another tab may show the same address). The test build holds every host
 * permission, so tabs.query can match by URL.
 */
export async function tabIdOf(worker: Worker, url: string, page?: Page): Promise<number> {
  await page?.bringToFront();
  return worker.evaluate(
    async ([u, active]) => {
      const tabs = await chrome.tabs.query(active ? { url: u, active: true } : { url: u });
      if (tabs.length !== 1 || tabs[0]!.id === undefined) throw new Error(`${tabs.length} tabs show ${u}; the test needs exactly one.`);
      return tabs[0]!.id;
    },
    [url, page !== undefined] as const,
  );
}

/** Runs "Label this page" on the tab, through the same background call the popup and the page's context menu make. */
export async function labelPage(worker: Worker, tabId: number): Promise<void> {
  await worker.evaluate((id) => (globalThis as unknown as { fashionLens: { pageScans: { label(id: number): Promise<void> } } }).fashionLens.pageScans.label(id), tabId);
}

/** One badge on the page: its text, what it says to screen readers, and where it sits (document px). */
export interface PageBadge {
  text: string;
  ariaLabel: string;
  left: number;
  top: number;
}

/** A page of either driver (Playwright's in Chromium, puppeteer's in Firefox): both evaluate an expression. */
export interface EvaluatingPage {
  evaluate(expression: string): Promise<unknown>;
}

/** The badges the labeller drew, read from its shadow root. */
export async function readBadges(page: EvaluatingPage): Promise<PageBadge[]> {
  // Evaluated in the page (this file has no DOM types).
  return (await page.evaluate(`(() => {
    const root = document.querySelector('fashion-lens-labels')?.shadowRoot;
    if (!root) return [];
    return [...root.querySelectorAll('.badge')].map((badge) => ({
      text: badge.firstChild?.textContent?.trim() ?? '',
      ariaLabel: badge.getAttribute('aria-label') ?? '',
      left: parseFloat(badge.style.left),
      top: parseFloat(badge.style.top),
    }));
  })()`)) as PageBadge[];
}

/** Waits until the page shows `count` badges (at most 90 s); returns them. */
export async function waitForBadges(page: EvaluatingPage, count: number): Promise<PageBadge[]> {
  for (let waited = 0; ; waited += 100) {
    const badges = await readBadges(page);
    if (badges.length >= count) return badges;
    if (waited > 90_000) throw new Error(`Only ${badges.length} of ${count} badges appeared within 90 s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Each product <img>'s address and its box in document px. */
export async function readImageBoxes(page: EvaluatingPage): Promise<{ src: string; left: number; top: number }[]> {
  return (await page.evaluate(`[...document.images].map((img) => {
    const r = img.getBoundingClientRect();
    return { src: img.currentSrc || img.src, left: r.left + scrollX, top: r.top + scrollY };
  })`)) as { src: string; left: number; top: number }[];
}

/** The tab's scan state as the popup reads it (session storage), or null when there is none. */
export async function readScanState(worker: Worker, tabId: number): Promise<{ status: string; total: number; labelled: number; failed: number; skipped: number; overCap: number } | null> {
  return worker.evaluate(`chrome.storage.session.get('pageScan:${tabId}').then((v) => v['pageScan:${tabId}'] ?? null)`);
}
