import { browser } from 'wxt/browser';
import { ClassifyError } from '../classify-error';
import { classifierGone, parseClassifyResponse, RETRY, type ClassifyRequest, type ClassifyResponse } from '../messages';
import { CLICK_DEADLINE_MS } from '../time-limits';
import { withTimeout } from '../with-timeout';

/** How long past a request's deadline the background still waits, so the offscreen document's own "too late" answer arrives first. */
const ANSWER_GRACE_MS = 2_000;

/**
 * Chrome's wordings for a classifier page that is not there to answer: none listens (the
 * offscreen document is gone or has not registered its listener yet), or it closed after taking
 * the request ("A listener indicated an asynchronous response by returning true, but the message
 * channel closed before a response was received").
 */
const CLASSIFIER_GONE = /receiving end does not exist|could not establish connection|message channel (?:is )?closed|message port closed/i;

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
    if (CLASSIFIER_GONE.test(String((error as Error)?.message ?? error))) throw classifierGone();
    throw error;
  }
}
