import type { Page } from 'puppeteer-core';
import type { BackendPreference, FinishedEntry } from '../extension/lib/types.js';
import type { PopupView } from './extension-driver.js';

/** The menu item id the background registers (extension/lib/background/context-menu.ts). */
const MENU_ID = 'fashion-lens-classify';

/** The WebExtension API as an extension page sees it (this file has Node types, not the browser's). */
type ExtensionApi = {
  runtime: { getBackgroundPage(): Promise<{ fashionLens: { handleContextMenuClick(info: object): Promise<FinishedEntry> } }> };
  storage: { local: { set(values: Record<string, unknown>): Promise<void> } };
};

/**
 * Runs the context menu's click handler inside Firefox's background page, as a right-click on the
 * image at `srcUrl` would, and returns the stored entry. `page` is one of the extension's own pages
 * (runtime.getBackgroundPage reaches the background from there; the test build's hook is the
 * handler the menu calls, as in Chrome).
 */
export async function clickClassifyInFirefox(page: Page, srcUrl: string): Promise<FinishedEntry> {
  const json = await page.evaluate(
    async (menuItemId: string, src: string) => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      const background = await api.runtime.getBackgroundPage();
      // A copy made here: the background page's objects are not this page's to hand over.
      return JSON.stringify(await background.fashionLens.handleContextMenuClick({ menuItemId, srcUrl: src }));
    },
    MENU_ID,
    srcUrl,
  );
  return JSON.parse(json) as FinishedEntry;
}

/** Sets what the popup's model choice and backend setting would store. */
export async function setFirefoxSettings(page: Page, settings: { modelId?: string; backend?: BackendPreference }): Promise<void> {
  await page.evaluate(async (modelId?: string, backend?: string) => {
    const values: Record<string, string> = {};
    if (modelId) values.modelChoice = modelId;
    if (backend) values.backendPreference = backend;
    await (globalThis as unknown as { browser: ExtensionApi }).browser.storage.local.set(values);
  }, settings.modelId, settings.backend);
}

/** What the popup shows (the same view as Chrome's readPopup), read from its DOM. */
export async function readFirefoxPopup(page: Page): Promise<PopupView> {
  await page.waitForSelector('main.popup[aria-busy="false"]');
  // Evaluated in the popup (this file has no DOM types, so the code is a string).
  return (await page.evaluate(`(() => {
    const text = (el) => (el ? el.textContent.trim() : null);
    const all = (selector) => Array.from(document.querySelectorAll(selector)).map((el) => el.textContent.trim());
    const labels = all('.card .prediction-label');
    const percents = all('.card .prediction-value');
    const terms = all('.facts dt');
    const details = all('.facts dd');
    return {
      top3: labels.map((label, i) => ({ label, percent: percents[i] ?? '' })),
      alert: text(document.querySelector('.card [role="alert"]')),
      status: text(document.querySelector('.card [role="status"]')),
      facts: Object.fromEntries(terms.map((term, i) => [term, details[i] ?? ''])),
      backendReason: text(document.querySelector('.why p')),
      history: all('.history-summary'),
    };
  })()`)) as PopupView;
}

/**
 * Runs "Label this page" on the tab showing `url`, through the same background call the popup and
 * the page's context menu make (the test build's hook), from one of the extension's pages.
 */
export async function labelPageInFirefox(page: Page, url: string): Promise<number> {
  return page.evaluate(async (href: string) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> }; runtime: { getBackgroundPage(): Promise<{ fashionLens: { pageScans: { label(id: number): Promise<void> } } }> } } }).browser;
    // By address here: Firefox's tabs.query({ url }) found no tab for an address with a port.
    const tabs = (await api.tabs.query({})).filter((tab) => tab.url === href);
    if (tabs.length !== 1 || tabs[0]!.id === undefined) throw new Error(`${tabs.length} tabs show ${href}; the test needs exactly one.`);
    await (await api.runtime.getBackgroundPage()).fashionLens.pageScans.label(tabs[0]!.id);
    return tabs[0]!.id;
  }, url);
}
