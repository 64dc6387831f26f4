import { storage } from 'wxt/utils/storage';
import { isBackendPreference, isModelId } from './messages';
import type { BackendPreference } from './types';

// chrome.storage.local survives browser restarts; these are device settings (the backend that
// is fastest depends on this machine's GPU), so they are not synced.

/** The settings before the user picks anything. */
export const DEFAULT_MODEL: string = 'cnn';
export const DEFAULT_BACKEND: BackendPreference = 'auto';

/** The model the popup's choice selects. */
export const modelChoiceItem = storage.defineItem<string>('local:modelChoice', { fallback: DEFAULT_MODEL });

/** The backend setting ('auto' unless the user forces one). */
export const backendPreferenceItem = storage.defineItem<BackendPreference>('local:backendPreference', { fallback: DEFAULT_BACKEND });

/** A stored model choice, or the default when it is missing or unrecognised. Pure. */
export const modelOrDefault = (value: unknown): string => (isModelId(value) ? value : DEFAULT_MODEL);

/** A stored backend setting, or the default when it is missing or unrecognised. Pure. */
export const backendOrDefault = (value: unknown): BackendPreference => (isBackendPreference(value) ? value : DEFAULT_BACKEND);

/** Reads both settings, replacing anything unrecognised with the default. */
export async function readSettings(): Promise<{ modelId: string; backend: BackendPreference }> {
  const [modelId, backend] = await Promise.all([modelChoiceItem.getValue(), backendPreferenceItem.getValue()]);
  return { modelId: modelOrDefault(modelId), backend: backendOrDefault(backend) };
}
