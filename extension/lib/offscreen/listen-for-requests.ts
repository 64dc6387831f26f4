import { browser } from 'wxt/browser';
import { isClassifyRequest, type ClassifyRequest, type ClassifyResponse } from '../messages';

/**
 * Answers classification requests from the background. Other messages (none today) are left for
 * other listeners. Uses sendResponse + `return true`, which every Chrome with the offscreen API
 * supports (returning a promise from onMessage is newer).
 */
export function listenForRequests(handle: (request: ClassifyRequest) => Promise<ClassifyResponse>): void {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isClassifyRequest(message)) return false;
    void handle(message).then(sendResponse);
    return true;
  });
}
