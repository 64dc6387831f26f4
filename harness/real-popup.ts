import { writeFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from './launch-extension.js';

/** The extension's real popup (opened by action.openPopup over `page`'s tab), driven over CDP. */
export interface RealPopup {
  /** Evaluates an expression in the popup (awaited, by value). */
  evaluate<T>(expression: string): Promise<T>;
  /** Clicks the first element matching the selector (a script click: no user gesture). */
  click(selector: string): Promise<void>;
  /** Waits until the expression is truthy (max 60 s). */
  waitFor(expression: string): Promise<void>;
  screenshot(path: string): Promise<void>;
}

/**
 * Opens the toolbar popup on `page`'s tab, as a click on the Fashion Lens icon does, so the popup's
 * "current tab" is that page. Chrome shows the popup as its own target, which Playwright does not
 * list among the context's pages: it is reached through CDP's target messages.
 */
export async function openRealPopup(browser: ExtensionBrowser, worker: Worker, page: Page): Promise<RealPopup> {
  // Chrome refuses ("Failed to open popup") while its window is not yet the focused one, e.g. just after another tab closed: try again a few times.
  let opened = '';
  for (let attempt = 0; attempt < 20 && opened !== 'ok'; attempt++) {
    await page.bringToFront();
    opened = await worker.evaluate(`chrome.action.openPopup().then(() => 'ok', (e) => String(e))`);
    if (opened !== 'ok') await page.waitForTimeout(250);
  }
  if (opened !== 'ok') throw new Error(`action.openPopup failed 20 times over 5 s: ${opened}`);
  const cdp = await browser.context.newCDPSession(page);
  let targetId: string | undefined;
  for (let waited = 0; !targetId; waited += 50) {
    if (waited > 10_000) throw new Error('The popup did not open within 10 s.');
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.type === 'page' && t.url === `chrome-extension://${browser.extensionId}/popup.html`)?.targetId;
    if (!targetId) await page.waitForTimeout(50);
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    if (message.error) call.reject(new Error(message.error.message));
    else call.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const answer = await send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (answer.exceptionDetails) throw new Error(`In the popup: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    return answer.result.value as T;
  };
  return {
    evaluate,
    async click(selector) {
      const clicked = await evaluate<boolean>(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) return false; el.click(); return true; })()`);
      if (!clicked) throw new Error(`Nothing in the popup matches ${selector}.`);
    },
    async waitFor(expression) {
      for (let waited = 0; !(await evaluate<boolean>(`Boolean(${expression})`)); waited += 100) {
        if (waited > 60_000) throw new Error(`The popup never showed ${expression} within 60 s.`);
        await page.waitForTimeout(100);
      }
    },
    async screenshot(path) {
      const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      writeFileSync(path, Buffer.from(data, 'base64'));
    },
  };
}
