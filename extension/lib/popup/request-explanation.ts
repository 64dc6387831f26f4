import { browser } from 'wxt/browser';
import { toFailure } from '../classify-error';
import { buildExplainRequest, parseExplainResponse, type ExplainResponse } from '../explain-messages';
import type { ClassifyResult } from '../types';

/** Asks the background for the map of a finished result's top-1 class; a failure comes back as a sentence. */
export async function requestExplanation(result: Pick<ClassifyResult, 'input' | 'modelId' | 'top3'>): Promise<ExplainResponse> {
  try {
    const request = buildExplainRequest({ input: result.input, modelId: result.modelId, classIndex: result.top3[0]!.index });
    return parseExplainResponse(await browser.runtime.sendMessage(request));
  } catch (error) {
    return { ok: false, error: toFailure(error) };
  }
}
