import { browser } from 'wxt/browser';
import { ClassifyError } from '../classify-error';
import { parseClassifyResponse, type ClassifyRequest, type ClassifyResponse } from '../messages';

const RETRY = 'Click the image again; if it keeps happening, reload Fashion Lens on chrome://extensions.';

/**
 * Sends a request to the offscreen document and checks its answer. Rejects with a sentence when
 * nobody answers or the answer does not arrive within `timeoutMs` (the offscreen document has its
 * own, shorter per-request timeout; this one only catches a document that died).
 */
export async function sendClassifyRequest(request: ClassifyRequest, timeoutMs: number): Promise<ClassifyResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClassifyError('internal', `The classifier did not answer within ${Math.round(timeoutMs / 1000)} seconds. ${RETRY}`)), timeoutMs);
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
