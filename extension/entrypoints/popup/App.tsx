import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackendPicker } from '../../components/backend-picker';
import { HistoryList } from '../../components/history-list';
import { ModelPicker } from '../../components/model-picker';
import { PageScanPanel } from '../../components/page-scan-panel';
import { ResultCard } from '../../components/result-card';
import { asShown, staleAt } from '../../lib/abandoned-entry';
import { clearBadge } from '../../lib/badge';
import { historyItem, lastEntryItem } from '../../lib/result-store';
import { backendOrDefault, backendPreferenceItem, modelChoiceItem, modelOrDefault } from '../../lib/settings';
import { buildClearHistoryRequest } from '../../lib/messages';
import { useModelCatalog } from '../../lib/popup/use-model-catalog';
import { useRenderAt } from '../../lib/popup/use-render-at';
import { useStorageValue } from '../../lib/popup/use-storage-value';

/** The popup: the last result (or the one picked from the history), the history, the settings. */
export function App() {
  const last = useStorageValue(lastEntryItem);
  const storedHistory = useStorageValue(historyItem);
  const history = storedHistory ?? [];
  const storedModel = useStorageValue(modelChoiceItem);
  const storedBackend = useStorageValue(backendPreferenceItem);
  const catalog = useModelCatalog();
  // A history entry picked while `lastId` was the last click; a newer click replaces it.
  const [picked, setPicked] = useState<{ id: string; lastId: string | undefined } | undefined>(undefined);
  // The tab the popup was opened on: "Label this page" acts on it.
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id), () => {});
  }, []);

  // Opening the popup is seeing the result; the badge only exists to say one is waiting.
  useEffect(() => {
    void clearBadge().catch(() => {});
  }, [last?.id, last?.status]);

  const pickedEntry = picked && picked.lastId === last?.id ? history.find((e) => e.id === picked.id) : undefined;
  // A click pending past its deadline has no one left to answer it: shown failed, from that moment on.
  useRenderAt(last?.status === 'pending' ? staleAt(last) : undefined);
  const latest = pickedEntry ?? last ?? undefined;
  const shown = latest && asShown(latest, Date.now());
  // Until storage has answered, show neither a result nor the first-run hint (no flash of the hint).
  const loaded = last !== undefined && storedHistory !== undefined;
  return (
    <main class="popup" aria-busy={loaded ? 'false' : 'true'}>
      <h1>Fashion Lens</h1>
      {!loaded ? null : shown ? (
        <ResultCard entry={shown} />
      ) : (
        <p class="hint intro">
          Right-click a product image on any page and choose <strong>Classify with Fashion Lens</strong>. The image is classified on your device.
        </p>
      )}
      {tabId !== undefined && <PageScanPanel tabId={tabId} />}
      <HistoryList entries={history} selectedId={shown?.id} onSelect={(id) => setPicked({ id, lastId: last?.id })} onClear={() => void browser.runtime.sendMessage(buildClearHistoryRequest())} />
      <section class="settings" aria-label="Settings">
        <h2>Settings</h2>
        <ModelPicker models={catalog.models} error={catalog.error} value={modelOrDefault(storedModel)} onChange={(id) => void modelChoiceItem.setValue(id)} />
        <BackendPicker value={backendOrDefault(storedBackend)} onChange={(b) => void backendPreferenceItem.setValue(b)} />
      </section>
    </main>
  );
}
