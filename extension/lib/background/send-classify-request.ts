import { browser } from 'wxt/browser';
import { ClassifyError } from '../classify-error';
import { classifierGone, parseClassifyResponse, RETRY, type ClassifyRequest, type ClassifyResponse } from '../messages';
import { CLICK_DEADLINE_MS } from '../time-limits';
import { withTimeout } from '../with-timeout';

/** How long past a request's deadline the background still waits, so the offscreen document's own "too late" answer arrives first. */
const ANSWER_GRACE_MS = 2_000;

/** Chrome's wording when no page listens (the offscreen document is gone or has not registered its listener yet). */
const NO_RECEIVER = /receiving end does not exist|could not establish connection/i;

/**
 * Sends a request to the offscreen document and checks its answer. Rejects with a sentence when
 * nobody answers or the answer has not arrived shortly after the request's deadline (the
 * offscreen document answers by the deadline itself; this only catches a document that died).
 */
export async function sendClassifyRequest(request: ClassifyRequest): Promise<ClassifyResponse> {
  const noAnswer = () => new ClassifyError('internal', `The classifier did not answer within ${CLICK_DEADLINE_MS / 1000} seconds. ${RETRY}`);
  try {
    const answer = await withTimeout(() => browser.runtime.sendMessage(request), request.deadline + ANSWER_GRACE_MS - Date.now(), noAnswer);
    return parseClassifyResponse(answer);
  } catch (error) {
    if (error instanceof ClassifyError) throw error;
    if (NO_RECEIVER.test(String((error as Error)?.message ?? error))) throw classifierGone();
    throw error;
  }
}
