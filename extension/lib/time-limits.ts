// How long each step of a click may take.

/**
 * Time from a click to its answer (the first click includes model load). Past it the background
 * stops waiting and the offscreen document drops the request; the popup shows a pending entry
 * older than this as failed.
 */
export const CLICK_DEADLINE_MS = 120_000;

/** Time one request may take in the offscreen document (fetch, decode, convert, predict). */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Time the backend choice plus model load may take before it counts as failed. */
export const INIT_TIMEOUT_MS = 60_000;

/**
 * Time from a "Why?" to its map: a batch predicting now, then start-up if needed, then the map.
 * Past it the popup gets the failure sentence, and a map still waiting for the lane is never computed.
 */
export const EXPLAIN_DEADLINE_MS = 90_000;
