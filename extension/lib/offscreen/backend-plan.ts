import type { BackendName, BackendPreference } from '../types';
import { rendererKind } from './renderer-kind';

/** A backend to try, and the sentence that explains choosing it. */
export interface BackendCandidate {
  name: BackendName;
  reason: string;
}

/** Measured side by side in headless Chromium with SwiftShader (bench/browser-latency.ts). */
const SOFTWARE_WEBGL_NOTE = 'WASM is over 10x faster there (seed CNN: about 11 ms vs 170 ms per prediction)';

function autoPlan(renderer: string | null): BackendCandidate[] {
  const cpu: BackendCandidate = { name: 'cpu', reason: 'the plain JavaScript CPU backend, the slowest, is the last resort' };
  switch (rendererKind(renderer)) {
    case 'hardware':
      return [
        { name: 'webgl', reason: `WebGL runs on a hardware GPU (${renderer})` },
        { name: 'wasm', reason: 'WASM is the fastest backend after WebGL' },
        cpu,
      ];
    case 'software':
      return [
        { name: 'wasm', reason: `WebGL here is only a software renderer (${renderer}); ${SOFTWARE_WEBGL_NOTE}` },
        { name: 'webgl', reason: `WebGL on the software renderer (${renderer}) is the next fastest` },
        cpu,
      ];
    case 'none':
      return [{ name: 'wasm', reason: 'WebGL is not available here; WASM is the fastest backend without it' }, cpu];
  }
}

/**
 * The order to try backends in, each with its reason. 'auto': WebGL on a hardware GPU, WASM when
 * WebGL is a software renderer (SwiftShader, llvmpipe) or absent, CPU last. A forced backend
 * comes first, and the automatic order follows it in case it fails. Pure.
 */
export function planBackends(preference: BackendPreference, renderer: string | null): BackendCandidate[] {
  const auto = autoPlan(renderer);
  if (preference === 'auto') return auto;
  return [
    { name: preference, reason: `the backend setting forces ${preference}` },
    ...auto.filter((c) => c.name !== preference),
  ];
}
