import type { FinishedEntry } from '../lib/types';
import { formatPercent, modelLabel } from '../lib/popup/format';

interface HistoryListProps {
  /** Finished classifications, newest first. */
  entries: readonly FinishedEntry[];
  /** The entry shown in the card above, highlighted. */
  selectedId: string | undefined;
  onSelect(id: string): void;
  onClear(): void;
}

function summary(entry: FinishedEntry): string {
  if (entry.status === 'error') return entry.error.message;
  const best = entry.result.top3[0]!;
  return `${best.label} ${formatPercent(best.probability)}`;
}

/** Recent classifications; each is a button that shows it above. "Clear history" empties it. */
export function HistoryList({ entries, selectedId, onSelect, onClear }: HistoryListProps) {
  return (
    <section class="history" aria-labelledby="history-heading">
      <div class="history-header">
        <h2 id="history-heading">History</h2>
        <button type="button" class="link-button" onClick={onClear} disabled={entries.length === 0}>
          Clear history
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="hint">No classifications yet.</p>
      ) : (
        <ul class="history-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" class="history-item" aria-current={entry.id === selectedId ? 'true' : undefined} onClick={() => onSelect(entry.id)}>
                {entry.status === 'done' ? <img src={entry.result.thumbnail} alt="" /> : <span class="history-error" aria-hidden="true">!</span>}
                <span class="history-text">
                  <span class="history-summary">{summary(entry)}</span>
                  <span class="history-meta">
                    {modelLabel(entry.modelId)} · {new Date(entry.finishedAt).toLocaleTimeString()}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
