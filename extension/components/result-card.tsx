import { useState } from 'preact/hooks';
import type { ClassifyResult, ResultEntry } from '../lib/types';
import { useExplanation } from '../lib/popup/use-explanation';
import { BACKEND_LABELS, formatDuration, modelLabel } from '../lib/popup/format';
import { ErrorMessage } from './error-message';
import { InputPreview } from './input-preview';
import { MapOverlay } from './map-overlay';
import { PhotoFrame } from './photo-frame';
import { WhyLegend } from './why-legend';
import { TopPredictions } from './top-predictions';

/** One click: "Classifying…", its error sentence, or the image, the model's input and the top 3. */
export function ResultCard({ entry }: { entry: ResultEntry }) {
  if (entry.status === 'pending') {
    return (
      <section class="card" aria-busy="true">
        <p role="status" class="pending">
          Classifying with {modelLabel(entry.modelId)}…
        </p>
      </section>
    );
  }
  if (entry.status === 'error') {
    return (
      <section class="card">
        <ErrorMessage message={entry.error.message} />
        <p class="source" title={entry.imageUrl}>
          {entry.imageUrl}
        </p>
      </section>
    );
  }
  return <ClassifiedCard result={entry.result} />;
}

/** A finished classification; its "Why?" toggle lays the map over the input and the photo (never shown for a failed one: that card has no toggle). */
function ClassifiedCard({ result }: { result: ClassifyResult }) {
  const { timings } = result;
  const [why, setWhy] = useState(false);
  const explanation = useExplanation(result, why);
  const map = explanation?.ok ? explanation.map : null;
  return (
    <section class="card" aria-label="Last result">
      <div class="images">
        <PhotoFrame result={result}>{map && result.placement && <MapOverlay map={map} from={result.placement.target} over={result.placement.source} />}</PhotoFrame>
        <InputPreview pixels={result.input}>{map && <MapOverlay map={map} pixelated />}</InputPreview>
      </div>
      <button type="button" class="why-toggle" aria-pressed={why} aria-controls="why-legend" onClick={() => setWhy(!why)}>
        Why?
      </button>
      {why && <WhyLegend result={result} explanation={explanation} />}
      <TopPredictions predictions={result.top3} />
      <dl class="facts">
        <dt>Model</dt>
        <dd>{result.modelName}</dd>
        <dt>Backend</dt>
        <dd title={result.backend.reason}>{BACKEND_LABELS[result.backend.name]}</dd>
        <dt>Latency</dt>
        <dd>{`${formatDuration(timings.totalMs)}${timings.initMs >= 1 ? ` (+ ${formatDuration(timings.initMs)} start-up)` : ''}`}</dd>
      </dl>
      <details class="why">
        <summary>Why this backend?</summary>
        <p>{result.backend.reason}</p>
        <p>{`Fetch ${formatDuration(timings.fetchMs)}, decode ${formatDuration(timings.decodeMs)}, convert ${formatDuration(timings.convertMs)}, predict ${formatDuration(timings.predictMs)}.`}</p>
      </details>
    </section>
  );
}
