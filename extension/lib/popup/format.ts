import type { BackendPreference } from '../types';

/** 0.973 -> "97.3%"; tiny values keep one decimal so bars and text agree. Pure. */
export function formatPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** Milliseconds as people read them: "12 ms", "1.4 s". Pure. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Display names of the models (metadata.json's displayName is shown once a result exists). */
export const MODEL_LABELS = { cnn: 'CNN', lenet5: 'LeNet-5' } as const;

/** Display names of the backend setting's choices. */
export const BACKEND_LABELS: Record<BackendPreference, string> = { auto: 'Automatic', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
