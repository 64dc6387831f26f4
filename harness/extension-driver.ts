import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { BackendPreference, FinishedEntry } from '../extension/lib/types.js';

/** The few chrome.* calls made inside the service worker (this file has Node types, not Chrome's). */
declare const chrome: {
  storage: { local: { set(values: Record<string, unknown>): Promise<void> } };
  runtime: { ContextType: { OFFSCREEN_DOCUMENT: string }; getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  offscreen: { closeDocument(): Promise<void> };
};

/** The menu item id the background registers (extension/lib/background/context-menu.ts). */
const MENU_ID = 'fashion-lens-classify';

/**
 * Runs the context menu's click handler inside the service worker, as a right-click on the image
 * at `srcUrl` would, and returns the stored entry.
 */
export async function clickClassify(worker: Worker, srcUrl: string, pageUrl?: string): Promise<FinishedEntry> {
  return worker.evaluate(
    ([menuItemId, src, page]) => (globalThis as unknown as { fashionLens: { handleContextMenuClick(info: object): Promise<FinishedEntry> } }).fashionLens.handleContextMenuClick({ menuItemId, srcUrl: src, pageUrl: page }),
    [MENU_ID, srcUrl, pageUrl] as const,
  );
}

/** Several right-clicks at the same time, in one turn of the service worker's event loop. */
export async function clickClassifyAll(worker: Worker, srcUrls: string[]): Promise<FinishedEntry[]> {
  return worker.evaluate(
    ([menuItemId, urls]) => {
      const hooks = (globalThis as unknown as { fashionLens: { handleContextMenuClick(info: object): Promise<FinishedEntry> } }).fashionLens;
      return Promise.all(urls.map((srcUrl) => hooks.handleContextMenuClick({ menuItemId, srcUrl })));
    },
    [MENU_ID, srcUrls] as const,
  );
}

/** A click's entry, with when (epoch ms, in the service worker) it was clicked and when its answer was recorded. */
export interface TimedClick {
  entry: FinishedEntry;
  clickedAt: number;
  answeredAt: number;
}

/** Several right-clicks at the same time, as clickClassifyAll, each timed from its click to its recorded answer. */
export async function clickClassifyAllTimed(worker: Worker, srcUrls: string[]): Promise<TimedClick[]> {
  return worker.evaluate(
    ([menuItemId, urls]) => {
      const hooks = (globalThis as unknown as { fashionLens: { handleContextMenuClick(info: object): Promise<FinishedEntry> } }).fashionLens;
      return Promise.all(
        urls.map((srcUrl) => {
          const clickedAt = Date.now();
          return hooks.handleContextMenuClick({ menuItemId, srcUrl }).then((entry) => ({ entry, clickedAt, answeredAt: Date.now() }));
        }),
      );
    },
    [MENU_ID, srcUrls] as const,
  );
}

/**
 * Turns the extension's site access to "On specific sites" and allows only `sitePatterns` (e.g.
 * "http://127.0.0.1:8080/*"), as a user does under the extension's details on chrome://extensions,
 * through that page's own API. The test build holds every site from the start; this takes the
 * others away again, as a user's allowed sites are in the production build.
 */
export async function allowOnlySites(context: BrowserContext, extensionId: string, sitePatterns: string[]): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      async ([id, patterns]) => {
        const api = (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(update: object): Promise<void>; addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
        await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
        for (const pattern of patterns) await api.addHostPermission(id, pattern);
      },
      [extensionId, sitePatterns] as const,
    );
  } finally {
    await page.close();
  }
}

/** Sets what the popup's model choice and backend setting would store. */
export async function setSettings(worker: Worker, settings: { modelId?: string; backend?: BackendPreference }): Promise<void> {
  await worker.evaluate(async ({ modelId, backend }) => {
    const values: Record<string, string> = {};
    if (modelId) values.modelChoice = modelId;
    if (backend) values.backendPreference = backend;
    await chrome.storage.local.set(values);
  }, settings);
}

/** How many offscreen documents the extension has (Chrome's own count). */
export async function offscreenDocumentCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length);
}

/** Closes the offscreen document (and with it tfjs and the models): the next click starts cold. */
export async function closeOffscreenDocument(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const open = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
    if (open.length > 0) await chrome.offscreen.closeDocument();
  });
}

/** What the popup shows, read from its DOM. */
export interface PopupView {
  /** The top-3 rows: label and the percentage text. */
  top3: { label: string; percent: string }[];
  /** The error sentence, if the card shows one. */
  alert: string | null;
  /** "Classifying…" text while pending. */
  status: string | null;
  /** The facts under the top 3: Model, Backend, Latency. */
  facts: Record<string, string>;
  /** The backend's reason (in "Why this backend?"). */
  backendReason: string | null;
  /** The history rows' summaries, newest first. */
  history: string[];
}

/** Reads the popup through Playwright locators (this file has no DOM types). */
export async function readPopup(page: Page): Promise<PopupView> {
  // aria-busy turns false once the popup has read the stored result and history.
  await page.waitForSelector('main.popup[aria-busy="false"]');
  const optionalText = async (selector: string) => ((await page.locator(selector).count()) > 0 ? ((await page.locator(selector).first().textContent())?.trim() ?? null) : null);
  const labels = await page.locator('.card .prediction-label').allTextContents();
  const percents = await page.locator('.card .prediction-value').allTextContents();
  const terms = await page.locator('.facts dt').allTextContents();
  const details = await page.locator('.facts dd').allTextContents();
  return {
    top3: labels.map((label, i) => ({ label: label.trim(), percent: percents[i]?.trim() ?? '' })),
    alert: await optionalText('.card [role="alert"]'),
    status: await optionalText('.card [role="status"]'),
    facts: Object.fromEntries(terms.map((term, i) => [term.trim(), details[i]?.trim() ?? ''])),
    backendReason: await optionalText('.why p'),
    history: (await page.locator('.history-summary').allTextContents()).map((t) => t.trim()),
  };
}
