import { browser } from 'wxt/browser';
import { ClassifyError } from '../classify-error';
import { CLICK_DEADLINE_MS } from '../image-limits';
import { parseClassifyResponse, type ClassifyRequest, type ClassifyResponse } from '../messages';

const RETRY = 'Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.';

/** How long past a request's deadline the background still waits, so the offscreen document's own "too late" answer arrives first. */
const ANSWER_GRACE_MS = 2_000;

/**
 * Sends a request to the offscreen document and checks its answer. Rejects with a sentence when
 * nobody answers or the answer has not arrived shortly after the request's deadline (the
 * offscreen document answers by the deadline itself; this only catches a document that died).
 */
export async function sendClassifyRequest(request: ClassifyRequest): Promise<ClassifyResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const message = `The classifier did not answer within ${CLICK_DEADLINE_MS / 1000} seconds. ${RETRY}`;
    timer = setTimeout(() => reject(new ClassifyError('internal', message)), request.deadline + ANSWER_GRACE_MS - Date.now());
  });
  try {
    return parseClassifyResponse(await Promise.race([browser.runtime.sendMessage(request), timeout]));
  } catch (error) {
    if (error instanceof ClassifyError) throw error;
    const message = String((error as Error)?.message ?? error);
    // Chrome's wording when the offscreen document is gone or has not registered its listener.
    if (/receiving end does not exist|could not establish connection|did not answer/i.test(message)) {
      throw new ClassifyError('internal', `The classifier page closed before it answered. ${RETRY}`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
