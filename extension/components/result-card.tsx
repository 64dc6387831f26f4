import type { ResultEntry } from '../lib/types';
import { BACKEND_LABELS, formatDuration, modelLabel } from '../lib/popup/format';
import { ErrorMessage } from './error-message';
import { InputPreview } from './input-preview';
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
  const { result } = entry;
  const { timings } = result;
  return (
    <section class="card" aria-label="Last result">
      <div class="images">
        <img class="photo" src={result.thumbnail} alt={`The image you chose (${result.imageWidth} × ${result.imageHeight})`} />
        <InputPreview pixels={result.input} />
      </div>
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
