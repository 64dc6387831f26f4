import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_SETTINGS } from '../extension/modules/firefox-build/firefox-settings.js';

/** Debian's Firefox ESR (never a downloaded browser); FIREFOX_PATH overrides. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * The moz-extension:// host the extension gets. Firefox picks a random one per profile; the
 * `extensions.webextensions.uuids` preference fixes it, so the tests can open the extension's pages.
 */
export const EXTENSION_UUID = '3c5e2f1a-6d0b-4c1e-9a57-f1a5e7e25a51';

/** Throws a sentence saying how to install Firefox when it is missing. */
export function requireFirefox(): string {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox is not at ${FIREFOX_PATH}. Install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH; the e2e tests never download a browser.`);
  }
  return FIREFOX_PATH;
}

/** A headless Firefox with the built extension installed as a temporary add-on. */
export interface FirefoxExtension {
  browser: Browser;
  /** moz-extension://<uuid>/<path> */
  url(path: string): string;
  /** Opens one of the extension's pages (e.g. popup.html) in a new tab, loaded. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Firefox over WebDriver BiDi (puppeteer-core) in a fresh profile (deleted on
 * close) and installs `extensionDir` as a temporary add-on (BiDi's webExtension.install, as
 * about:debugging's "Load Temporary Add-on" does). `-remote-allow-system-access` lets BiDi
 * navigate a tab to a moz-extension:// page, which it otherwise refuses. `prefs` are extra
 * Firefox preferences (e.g. to cut the network).
 */
export async function launchFirefoxExtension(extensionDir: string, prefs: Record<string, unknown> = {}): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireFirefox(),
    headless: true,
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_SETTINGS.gecko.id]: EXTENSION_UUID }), ...prefs },
  });
  try {
    await browser.installExtension(resolve(extensionDir));
  } catch (error) {
    await browser.close();
    throw error;
  }
  const url = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    url,
    async openPage(path) {
      const page = await browser.newPage();
      const target = url(path);
      // BiDi reports no load event for moz-extension:// pages, so goto would wait for ever: wait for the document instead.
      void page.goto(target, { timeout: 0 }).catch(() => {});
      await page.waitForFunction(`location.href === ${JSON.stringify(target)} && document.readyState === 'complete'`, { timeout: 30_000, polling: 100 });
      return page;
    },
    close: () => browser.close(),
  };
}
