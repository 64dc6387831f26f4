import { browser } from 'wxt/browser';
import { parseExplainResponse } from '../explain-messages';
import type { Classifier } from './classifier';
import { buildOffscreenDocumentKeeper, type OffscreenDocumentKeeper } from './offscreen-document';
import { sendClassifyRequest } from './send-classify-request';

/** Chrome: the classifier in the offscreen document, created on first use and asked by message. */
export function buildOffscreenClassifier(offscreen: OffscreenDocumentKeeper = buildOffscreenDocumentKeeper()): Classifier {
  return {
    async classify(request) {
      await offscreen.ensure();
      return sendClassifyRequest(request);
    },
    async explain(request) {
      await offscreen.ensure();
      return parseExplainResponse(await browser.runtime.sendMessage(request));
    },
  };
}
