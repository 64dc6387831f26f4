import { browser } from 'wxt/browser';
import { isClassifierGone } from '../chrome-error-texts';
import { ClassifyError, fail } from '../failures';
import { parseClassifyResponse, type ClassifyRequest, type ClassifyResponse } from '../messages';
import { withTimeout } from '../with-timeout';

/** How long past a request's deadline the background still waits, so the offscreen document's own "too late" answer arrives first. */
const ANSWER_GRACE_MS = 2_000;

/**
 * Sends a request to the offscreen document and checks its answer. Rejects with a sentence when
 * nobody answers or the answer has not arrived shortly after the request's deadline (the
 * offscreen document answers by the deadline itself; this only catches a document that died).
 */
export async function sendClassifyRequest(request: ClassifyRequest): Promise<ClassifyResponse> {
  try {
    const answer = await withTimeout(() => browser.runtime.sendMessage(request), request.deadline + ANSWER_GRACE_MS - Date.now(), () => fail('no-answer'));
    return parseClassifyResponse(answer);
  } catch (error) {
    if (error instanceof ClassifyError) throw error;
    if (isClassifierGone(error)) throw fail('classifier-gone');
    throw error;
  }
}
