import { browser } from 'wxt/browser';
import { isPageClosedToExtensions } from '../chrome-error-texts';
import { errorText } from '../error-text';
import { sentence } from '../failures';
import { isPageActionRequest } from '../page/page-messages';
import type { PageScans } from './page-scans';

/**
 * Answers the popup's page actions (label, clear, filter the tab it was opened on). Only the
 * extension's own pages are heard (see listenForPopup): a content script cannot start or steer a
 * scan. Answers with an error sentence when the tab cannot be labelled (chrome:// pages, the
 * Web Store), so the popup can show it.
 */
export function listenForPageActions(scans: PageScans): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    if (!isPageActionRequest(message) || !fromOwnPage) return false;
    const done =
      message.action === 'label' ? scans.label(message.tabId) : message.action === 'clear' ? scans.clear(message.tabId) : scans.filter(message.tabId, message.className);
    done.then(
      () => sendResponse({ ok: true }),
      (error: unknown) => sendResponse({ ok: false, message: cannotLabel(error) }),
    );
    return true;
  });
}

/** The sentence for a tab the labeller cannot be put into. Pure. */
export function cannotLabel(error: unknown): string {
  return isPageClosedToExtensions(error) ? sentence('page-closed-to-extensions') : sentence('page-label-failed', errorText(error));
}
