import { MODEL_ID_PATTERN } from '../../core/types';
import { fail } from './failures';
import { BACKEND_PREFERENCES, type BackendPreference, type ClassifyFailure, type ClassifyResult } from './types';

/** Message type of a classification request (background -> offscreen document). */
export const CLASSIFY_MESSAGE = 'fashion-lens/classify';

/** Message type of the popup's "Clear history" (popup -> background, which owns result storage). */
export const CLEAR_HISTORY_MESSAGE = 'fashion-lens/clear-history';

/** Asks the background to empty the history through its result store. */
export interface ClearHistoryRequest {
  type: typeof CLEAR_HISTORY_MESSAGE;
}

export const buildClearHistoryRequest = (): ClearHistoryRequest => ({ type: CLEAR_HISTORY_MESSAGE });

export function isClearHistoryRequest(message: unknown): message is ClearHistoryRequest {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>).type === CLEAR_HISTORY_MESSAGE;
}

/** Asks the offscreen document to classify one image. */
export interface ClassifyRequest {
  type: typeof CLASSIFY_MESSAGE;
  /** Only the offscreen document answers; the popup (also an extension page) ignores it. */
  target: 'offscreen';
  /** Id of the stored entry this answers. */
  requestId: string;
  /** The clicked image's address (http(s), data: or blob:). */
  imageUrl: string;
  /** Which packaged model to run. */
  modelId: string;
  /** The backend setting. */
  backend: BackendPreference;
  /**
   * Epoch ms by which the answer must be back: the background stops waiting then, so the
   * offscreen document answers "too late" at that moment and never starts the work after it.
   */
  deadline: number;
  /** Whether the answer carries the image's thumbnail: the popup shows it for a click; a page scan's badges need none. */
  thumbnail: boolean;
}

/** The offscreen document's answer. */
export type ClassifyResponse = { ok: true; result: ClassifyResult } | { ok: false; error: ClassifyFailure };

/** Builds a request (the only way requests are made, so they always pass isClassifyRequest). */
export function buildClassifyRequest(fields: Omit<ClassifyRequest, 'type' | 'target'>): ClassifyRequest {
  return { type: CLASSIFY_MESSAGE, target: 'offscreen', ...fields };
}

/** A model id as every packaged model folder is named (core's MODEL_ID_PATTERN); whether it is packaged is the loader's to say. */
export function isModelId(value: unknown): value is string {
  return typeof value === 'string' && MODEL_ID_PATTERN.test(value);
}

export function isBackendPreference(value: unknown): value is BackendPreference {
  return typeof value === 'string' && (BACKEND_PREFERENCES as readonly string[]).includes(value);
}

/** Checks an incoming message at the offscreen document's edge. */
export function isClassifyRequest(message: unknown): message is ClassifyRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === CLASSIFY_MESSAGE &&
    m.target === 'offscreen' &&
    typeof m.requestId === 'string' &&
    typeof m.imageUrl === 'string' &&
    m.imageUrl.length > 0 &&
    isModelId(m.modelId) &&
    isBackendPreference(m.backend) &&
    typeof m.deadline === 'number' &&
    Number.isFinite(m.deadline) &&
    typeof m.thumbnail === 'boolean'
  );
}

/**
 * Checks the offscreen document's answer at the background's edge. `undefined` means nobody
 * answered (the document closed or never loaded): the typed error that says so. Anything else
 * malformed is a bug.
 */
export function parseClassifyResponse(response: unknown): ClassifyResponse {
  if (response === undefined) throw fail('classifier-gone');
  if (typeof response === 'object' && response !== null) {
    const r = response as Record<string, unknown>;
    if (r.ok === true && typeof r.result === 'object' && r.result !== null) return response as ClassifyResponse;
    if (r.ok === false && typeof r.error === 'object' && r.error !== null) {
      const error = r.error as Record<string, unknown>;
      if (typeof error.code === 'string' && typeof error.message === 'string') return response as ClassifyResponse;
    }
  }
  throw new Error(`The classifier page answered something unexpected: ${JSON.stringify(response)?.slice(0, 200)}.`);
}
