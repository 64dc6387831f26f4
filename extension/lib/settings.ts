import { storage } from 'wxt/utils/storage';
import type { ModelId } from '../../core/types';
import { isBackendPreference, isModelId } from './messages';
import type { BackendPreference } from './types';

// chrome.storage.local survives browser restarts; these are device settings (the backend that
// is fastest depends on this machine's GPU), so they are not synced.

/** The model the popup's choice selects. */
export const modelChoiceItem = storage.defineItem<ModelId>('local:modelChoice', { fallback: 'cnn' });

/** The backend setting ('auto' unless the user forces one). */
export const backendPreferenceItem = storage.defineItem<BackendPreference>('local:backendPreference', { fallback: 'auto' });

/** Reads both settings, replacing anything unrecognised with the default. */
export async function readSettings(): Promise<{ modelId: ModelId; backend: BackendPreference }> {
  const [modelId, backend] = await Promise.all([modelChoiceItem.getValue(), backendPreferenceItem.getValue()]);
  return { modelId: isModelId(modelId) ? modelId : 'cnn', backend: isBackendPreference(backend) ? backend : 'auto' };
}
