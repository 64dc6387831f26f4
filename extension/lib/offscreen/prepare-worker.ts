import { errorText } from '../error-text';
import { ClassifyError } from '../failures';
import { prepareImage } from './prepare-image';
import type { PrepareAnswer, PrepareAsk } from './prepare-protocol';

// The prepare worker: decodes and converts downloaded images off the offscreen document's main
// thread, so that the main thread is free to predict while the next images are prepared (on two
// cores, preparing and predicting run side by side). One worker; its decodes run on the browser's
// decoder threads and overlap each other, and its canvas work and conversions run one at a time.

/** What this file uses of the worker's global scope (the project's TypeScript libs are the DOM's, not the WebWorker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PrepareAsk>) => void) | null;
  postMessage(message: PrepareAnswer, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async ({ data }) => {
  let answer: PrepareAnswer;
  try {
    const prepared = await prepareImage(data.fetched, data.withThumbnail);
    answer = { id: data.id, ok: true, prepared };
  } catch (error) {
    answer =
      error instanceof ClassifyError
        ? { id: data.id, ok: false, expected: true, failure: { code: error.code, message: error.message } }
        : { id: data.id, ok: false, expected: false, failure: { code: 'internal', message: errorText(error) } };
  }
  const transfer: Transferable[] = answer.ok ? [answer.prepared.input.buffer as ArrayBuffer, ...(answer.prepared.thumbnail ? [answer.prepared.thumbnail] : [])] : [];
  scope.postMessage(answer, transfer);
};
