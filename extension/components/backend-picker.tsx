import { BACKEND_LABELS } from '../lib/popup/format';
import { BACKEND_PREFERENCES, type BackendPreference } from '../lib/types';

/** The backend setting: Automatic (recommended) or a forced backend. */
export function BackendPicker({ value, onChange }: { value: BackendPreference; onChange(value: BackendPreference): void }) {
  return (
    <label class="backend-picker">
      <span>Backend</span>
      <select value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as BackendPreference)}>
        {BACKEND_PREFERENCES.map((option) => (
          <option key={option} value={option}>
            {BACKEND_LABELS[option]}
            {option === 'auto' ? ' (recommended)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
