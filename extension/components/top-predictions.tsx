import type { Prediction } from '../lib/types';
import { formatPercent } from '../lib/popup/format';

/** The top labels, most likely first, each with its probability as text and as a bar. */
export function TopPredictions({ predictions }: { predictions: readonly Prediction[] }) {
  return (
    <ol class="predictions" aria-label="Top 3 labels">
      {predictions.map((p) => (
        <li key={p.index} class="prediction">
          <span class="prediction-label">{p.label}</span>
          <span class="prediction-value">{formatPercent(p.probability)}</span>
          <span class="bar" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${Math.max(p.probability * 100, 0.5)}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
