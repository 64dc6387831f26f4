import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { browser } from 'wxt/browser';
import { errorText } from '../error-text';
import type { BackendInfo, BackendName } from '../types';
import type { BackendCandidate } from './backend-plan';
import { withTimeout } from '../with-timeout';

/** Time a backend gets to start and pass its check (WebGL shader compiles included). */
export const BACKEND_CHECK_TIMEOUT_MS = 20_000;

let wasmConfigured = false;

function configureWasm(): void {
  if (wasmConfigured) return;
  // The .wasm files ship inside the extension (wasm/, see extension/modules); nothing is fetched
  // from a CDN. Extension pages are not cross-origin isolated, so the threaded build never
  // loads; saying so up front skips tfjs probing for it.
  setWasmPaths(browser.runtime.getURL('/wasm/'));
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmConfigured = true;
}

/** Switches tfjs to `name` and proves it computes: a 2x2 by 2x1 matMul must give [17, 39]. */
async function activate(name: BackendName): Promise<void> {
  if (name === 'wasm') configureWasm();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not initialise ${name}`);
  await tf.ready();
  const product = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]])));
  try {
    const values = Array.from(await product.data());
    if (values[0] !== 17 || values[1] !== 39) throw new Error(`its check computed [${values.join(', ')}] instead of [17, 39]`);
  } finally {
    product.dispose();
  }
}

/**
 * Tries the planned backends in order and returns the first that starts and computes correctly,
 * with the reason it was chosen and what failed before it. Throws when none works.
 */
export async function initBackend(plan: readonly BackendCandidate[], renderer: string | null): Promise<BackendInfo> {
  const failures: string[] = [];
  for (const candidate of plan) {
    try {
      await withTimeout(() => activate(candidate.name), BACKEND_CHECK_TIMEOUT_MS, () => new Error(`it did not pass its check within ${BACKEND_CHECK_TIMEOUT_MS / 1000} s`));
      const failed = failures.length > 0 ? ` (after ${failures.join('; ')})` : '';
      return { name: candidate.name, reason: `${capitalise(candidate.reason)}${failed}.`, renderer, initializedAt: Date.now() };
    } catch (error) {
      failures.push(`${candidate.name} failed: ${errorText(error)}`);
    }
  }
  throw new Error(`no tfjs backend works here: ${failures.join('; ')}`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
