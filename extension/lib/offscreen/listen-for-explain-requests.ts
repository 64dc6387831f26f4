import { browser } from 'wxt/browser';
import { isOffscreenExplainRequest, type ExplainResponse, type OffscreenExplainRequest } from '../explain-messages';
import { isOwnWorker } from './is-own-worker';
import { WORKER_PATH } from './listen-for-requests';

/** Answers the background's "Why?" requests (and nothing from any other sender), as listenForRequests does classifications. */
export function listenForExplainRequests(handle: (request: OffscreenExplainRequest) => Promise<ExplainResponse>): void {
  const workerUrl = browser.runtime.getURL(WORKER_PATH);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isOffscreenExplainRequest(message) || !isOwnWorker(sender, browser.runtime.id, workerUrl)) return false;
    void handle(message).then(sendResponse);
    return true;
  });
}
