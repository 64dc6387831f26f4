import { IMAGE_PIXELS, NUM_CLASSES } from '../../core/model-contract';
import { sentence } from './failures';
import { isBackendPreference, isModelId } from './messages';
import type { BackendName, BackendPreference, ClassifyFailure } from './types';

/** Message type of a "Why?" request: popup -> background -> offscreen document. */
export const EXPLAIN_MESSAGE = 'fashion-lens/explain';

/** The popup asks for the map of one finished classification (its input, model and top-1 class). */
export interface ExplainRequest {
  type: typeof EXPLAIN_MESSAGE;
  /** The 28x28 input the model saw (784 values 0..255). */
  input: number[];
  /** The model that classified it. */
  modelId: string;
  /** The class to explain: the result's top-1. */
  classIndex: number;
}

/** The background passes it on to the offscreen document with the backend setting. */
export interface OffscreenExplainRequest extends Omit<ExplainRequest, 'type'> {
  type: typeof EXPLAIN_MESSAGE;
  /** Only the offscreen document answers. */
  target: 'offscreen';
  /** The backend setting, as for a classification. */
  backend: BackendPreference;
}

/** The map, or why there is none. */
export type ExplainResponse =
  | {
      ok: true;
      /** 784 values, row-major: how much each input pixel pushed the class's probability up (positive) or down. */
      map: number[];
      /** The class explained. */
      classIndex: number;
      /** Time to compute the map in the offscreen document. */
      explainMs: number;
      /** The backend that computed it. */
      backend: BackendName;
    }
  | { ok: false; error: ClassifyFailure };

export const buildExplainRequest = (fields: Omit<ExplainRequest, 'type'>): ExplainRequest => ({ type: EXPLAIN_MESSAGE, ...fields });

function hasExplainFields(m: Record<string, unknown>): boolean {
  return (
    m.type === EXPLAIN_MESSAGE &&
    Array.isArray(m.input) &&
    m.input.length === IMAGE_PIXELS &&
    m.input.every((v) => Number.isInteger(v) && v >= 0 && v <= 255) &&
    isModelId(m.modelId) &&
    Number.isInteger(m.classIndex) &&
    (m.classIndex as number) >= 0 &&
    (m.classIndex as number) < NUM_CLASSES
  );
}

/** Checks a popup's request at the background's edge. */
export function isExplainRequest(message: unknown): message is ExplainRequest {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>).target === undefined && hasExplainFields(message as Record<string, unknown>);
}

/** Checks the background's request at the offscreen document's edge. */
export function isOffscreenExplainRequest(message: unknown): message is OffscreenExplainRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.target === 'offscreen' && isBackendPreference(m.backend) && hasExplainFields(m);
}

/** Checks an answer (at the background's and the popup's edges); nobody answering is a sentence, anything malformed a bug. */
export function parseExplainResponse(response: unknown): ExplainResponse {
  if (response === undefined) return { ok: false, error: { code: 'explainer-gone', message: sentence('explainer-gone') } };
  if (typeof response === 'object' && response !== null) {
    const r = response as Record<string, unknown>;
    if (r.ok === true && Array.isArray(r.map) && r.map.length === IMAGE_PIXELS && typeof r.explainMs === 'number') return response as ExplainResponse;
    if (r.ok === false && typeof r.error === 'object' && r.error !== null) return response as ExplainResponse;
  }
  throw new Error(`The classifier page answered a "Why?" request with something unexpected: ${JSON.stringify(response)?.slice(0, 200)}.`);
}
