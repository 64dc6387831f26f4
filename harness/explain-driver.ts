import type { Page } from 'playwright-core';
import { buildExplainRequest, parseExplainResponse, type ExplainResponse } from '../extension/lib/explain-messages.js';
import type { ClassifyResult } from '../extension/lib/types.js';

/** The one chrome.* call made inside the page (this file has Node types, not Chrome's). */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * Asks for a result's "Why?" map from an extension page (the popup opened as a tab), exactly the
 * message the popup's toggle sends: through the background to the offscreen document. Returns the
 * answer and the round trip seen by the page.
 */
export async function explainFromPage(page: Page, result: Pick<ClassifyResult, 'input' | 'modelId' | 'top3'>): Promise<{ response: ExplainResponse; roundTripMs: number }> {
  const request = buildExplainRequest({ input: result.input, modelId: result.modelId, classIndex: result.top3[0]!.index });
  const { answer, roundTripMs } = await page.evaluate(async (message) => {
    const started = performance.now();
    const answer: unknown = await chrome.runtime.sendMessage(message);
    return { answer, roundTripMs: performance.now() - started };
  }, request);
  return { response: parseExplainResponse(answer), roundTripMs };
}
