import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Debian's chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Chromium with the built extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's id, read from its service worker's URL. */
  extensionId: string;
  /** The browser's profile folder (its processes carry it on their command lines). */
  profileDir: string;
  /** The extension's service worker as it runs now (changes after restartServiceWorker). */
  serviceWorker(): Promise<Worker>;
  /** Stops the service worker (as Chrome does when it is idle) and starts a fresh instance of it. */
  restartServiceWorker(): Promise<Worker>;
  /** Opens chrome-extension://<id>/popup.html in a tab. */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/** Throws a sentence saying how to install Chromium when it is missing. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH; the e2e tests never download a browser.`);
  }
  return CHROMIUM_PATH;
}

const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://') && worker.url().endsWith('/background.js');

/**
 * Launches headless Chromium (new headless, which runs extensions) with only `extensionDir`
 * loaded, in a fresh profile that is deleted on close.
 */
export async function launchExtension(extensionDir: string, extraArgs: string[] = []): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fashion-lens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireChromium(),
    headless: false, // the flag below asks for new headless; Playwright's own would pick the old one
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--enable-unsafe-swiftshader', // software WebGL (SwiftShader) for the WebGL backend tests
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
  });
  const first = context.serviceWorkers().find(isExtensionWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;

  async function serviceWorker(): Promise<Worker> {
    return context.serviceWorkers().find(isExtensionWorker) ?? context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 });
  }

  return {
    context,
    extensionId,
    profileDir: userDataDir,
    serviceWorker,
    async restartServiceWorker() {
      // Stop the worker over CDP as Chrome does after 30 s idle, wait until it is stopped, then
      // start it again. Playwright keeps the same Worker handle; it then talks to the new instance.
      const page = await context.newPage();
      try {
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        const cdp = await context.newCDPSession(page);
        let status = '';
        // Every status seen: a worker kept busy by pages' messages starts again at once, so 'stopped' may last no longer than one event.
        const seen = new Set<string>();
        cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
          const version = event.versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
          if (version) seen.add((status = version.runningStatus));
        });
        const reach = async (wanted: string) => {
          for (let waited = 0; !seen.has(wanted); waited += 50) {
            if (waited > 30_000) throw new Error(`The service worker did not become ${wanted} within 30 s (it is ${status || 'unknown'}).`);
            await page.waitForTimeout(50);
          }
        };
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await reach('stopped');
        seen.clear();
        seen.add(status); // already running again, if a page's message woke it
        await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
        await reach('running');
        return await serviceWorker();
      } finally {
        await page.close();
      }
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
