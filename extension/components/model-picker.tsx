import type { ModelCatalogEntry } from '../lib/model-catalog';
import { formatBytes, formatPercent } from '../lib/popup/format';

/**
 * Radio buttons for the model used on the next click (arrow keys move between them): every model
 * the extension packages, by name, with its size and test accuracy. `models` is undefined while
 * the list loads; `error` says why there is none.
 */
export function ModelPicker({ models, error, value, onChange }: { models: ModelCatalogEntry[] | undefined; error?: string; value: string; onChange(id: string): void }) {
  const chosen = models?.some((m) => m.id === value) ? value : models?.[0]?.id;
  return (
    <fieldset class="picker">
      <legend>Model for the next image</legend>
      {error ? <p class="error">{error}</p> : null}
      {(models ?? []).map((m) => (
        <label key={m.id} class="choice">
          <input type="radio" name="model" value={m.id} checked={chosen === m.id} onChange={() => onChange(m.id)} />
          <span>
            <strong>{m.displayName}</strong>{' '}
            <span class="hint">
              {formatBytes(m.weightBytes)}, {formatPercent(m.testAccuracy)} on the test set
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
