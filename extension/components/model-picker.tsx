import { MODEL_IDS, type ModelId } from '../../core/types';
import { MODEL_LABELS } from '../lib/popup/format';

const DESCRIPTIONS: Record<ModelId, string> = {
  cnn: 'the seed notebook’s CNN, most accurate',
  lenet5: 'LeCun’s 1998 network, small and fast',
};

/** Radio buttons for the model used on the next click (arrow keys move between them). */
export function ModelPicker({ value, onChange }: { value: ModelId; onChange(id: ModelId): void }) {
  return (
    <fieldset class="picker">
      <legend>Model for the next image</legend>
      {MODEL_IDS.map((id) => (
        <label key={id} class="choice">
          <input type="radio" name="model" value={id} checked={value === id} onChange={() => onChange(id)} />
          <span>
            <strong>{MODEL_LABELS[id]}</strong> <span class="hint">{DESCRIPTIONS[id]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
