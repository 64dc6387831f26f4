import type { ExplainResponse } from '../lib/explain-messages';
import { BACKEND_LABELS, formatDuration } from '../lib/popup/format';
import type { ClassifyResult } from '../lib/types';
import { ErrorMessage } from './error-message';

/** What the "Why?" map shows, in words; or that it is on its way; or why there is none. */
export function WhyLegend({ result, explanation }: { result: ClassifyResult; explanation: ExplainResponse | null }) {
  const label = result.top3[0]!.label;
  if (!explanation) {
    return (
      <p id="why-legend" class="why-legend" role="status">
        Working out which pixels made it say {label}…
      </p>
    );
  }
  if (!explanation.ok) return <ErrorMessage message={explanation.error.message} />;
  return (
    <div id="why-legend" class="why-legend" role="status">
      <p>
        <span class="legend-swatch" aria-hidden="true" /> Brighter yellow: pushed the model towards <strong>{label}</strong>. No colour: did not push towards it.
      </p>
      <p class="hint">{`Worked out on the 28 × 28 image and mapped back onto your photo, in ${formatDuration(explanation.explainMs)} on ${BACKEND_LABELS[explanation.backend]}.`}</p>
    </div>
  );
}
