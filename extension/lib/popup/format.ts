import type { BackendPreference } from '../types';

/** 0.973 -> "97.3%"; tiny values keep one decimal so bars and text agree. Pure. */
export function formatPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** Milliseconds as people read them: "12 ms", "1.4 s". Pure. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Short names of the trained models (metadata.json's displayName is shown once a result exists). */
export const MODEL_LABELS: Readonly<Record<string, string>> = { cnn: 'CNN', lenet5: 'LeNet-5' };

/** A model's short name: the trained ones by name, any other (a converted model) by its id. Pure. */
export const modelLabel = (id: string): string => MODEL_LABELS[id] ?? id;

/** A file size as people read it: "66 KiB", "1.35 MiB". Pure. */
export function formatBytes(bytes: number): string {
  return bytes < 2 ** 20 ? `${Math.round(bytes / 1024)} KiB` : `${(bytes / 2 ** 20).toFixed(2)} MiB`;
}

/** Display names of the backend setting's choices. */
export const BACKEND_LABELS: Record<BackendPreference, string> = { auto: 'Automatic', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
