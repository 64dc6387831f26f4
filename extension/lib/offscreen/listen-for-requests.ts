import { browser } from 'wxt/browser';
import { isClassifyRequest, type ClassifyRequest, type ClassifyResponse } from '../messages';
import { isOwnWorker } from './is-own-worker';

/** The service worker's script, as WXT builds it (entrypoints/background.ts). */
const WORKER_PATH = '/background.js';

/**
 * Answers classification requests from the background, and from nothing else: a request from any
 * other sender (another extension page such as the popup, a content script) is left unanswered.
 * Other messages (none today) are left for other listeners. Uses sendResponse + `return true`, which every Chrome with the offscreen API
 * supports (returning a promise from onMessage is newer).
 */
export function listenForRequests(handle: (request: ClassifyRequest) => Promise<ClassifyResponse>): void {
  listenForWorkerMessages(isClassifyRequest, handle);
}

/** Answers the messages `isRequest` accepts, from the extension's own service worker only (see listenForRequests); the "Why?" requests come this way too. */
export function listenForWorkerMessages<Request, Response>(isRequest: (message: unknown) => message is Request, handle: (request: Request) => Promise<Response>): void {
  const workerUrl = browser.runtime.getURL(WORKER_PATH);
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message) || !isOwnWorker(sender, browser.runtime.id, workerUrl)) return false;
    void handle(message).then(sendResponse);
    return true;
  });
}
