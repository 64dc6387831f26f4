import { browser } from 'wxt/browser';
import { parseClassifyResponse, type ClassifyRequest, type ClassifyResponse } from '../messages';

/**
 * Sends a request to the offscreen document and checks its answer. Rejects with a sentence when
 * nobody answers or the answer does not arrive within `timeoutMs` (the offscreen document has its
 * own, shorter per-request timeout; this one only catches a document that died).
 */
export async function sendClassifyRequest(request: ClassifyRequest, timeoutMs: number): Promise<ClassifyResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The classifier page did not answer within ${Math.round(timeoutMs / 1000)} seconds`)), timeoutMs);
  });
  try {
    const response = await Promise.race([browser.runtime.sendMessage(request), timeout]);
    return parseClassifyResponse(response);
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    // Chrome's wording when the offscreen document is gone or has not registered its listener.
    if (/receiving end does not exist|could not establish connection/i.test(message)) {
      throw new Error('The classifier page was not running. Try again');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
