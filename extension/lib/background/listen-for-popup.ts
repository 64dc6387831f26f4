import { browser } from 'wxt/browser';
import { isClearHistoryRequest } from '../messages';
import type { ResultStore } from '../result-store';

/**
 * Answers the popup's "Clear history" by clearing through the background's own result store, so
 * the clear queues behind (or ahead of) a click that is being recorded instead of racing it: a
 * direct write from the popup could land between a click's read and write of the history and be
 * undone. runtime.onMessage hears only this extension (other extensions and pages arrive through
 * onMessageExternal, which is not listened to); of its senders only its own pages are heard (the
 * popup, also when opened in a tab: Chrome gives every sender's URL), not a content script, whose
 * messages carry the page's URL, nor a sender without a URL.
 * Fire and forget: the popup sees the result through storage.
 */
export function listenForPopup(store: ResultStore): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    if (!isClearHistoryRequest(message) || !fromOwnPage) return false;
    void store.clearHistory().catch(() => {});
    return false;
  });
}
