import { browser } from 'wxt/browser';
import { toFailure } from '../classify-error';
import { isExplainRequest, type ExplainResponse, type OffscreenExplainRequest } from '../explain-messages';
import { readSettings } from '../settings';
import type { Classifier } from './classifier';

/**
 * Passes the popup's "Why?" requests to the classifier (Chrome's offscreen document, created if it
 * has closed since; Firefox's background page) with the backend setting, and the answer back. Heard only from the extension's own pages, as
 * listenForPopup. The background holds no tfjs; the map is computed where the model is loaded.
 */
export function listenForExplain(classifier: Classifier): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const fromOwnPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    if (!isExplainRequest(message) || !fromOwnPage) return false;
    const answer = async (): Promise<ExplainResponse> => {
      const { backend } = await readSettings();
      const request: OffscreenExplainRequest = { ...message, target: 'offscreen', backend };
      return classifier.explain(request);
    };
    void answer()
      .catch((error: unknown): ExplainResponse => ({ ok: false, error: toFailure(error) }))
      .then(sendResponse);
    return true;
  });
}
