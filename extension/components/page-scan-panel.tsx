import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CLASS_NAMES } from '../../core/model-contract';
import { PAGE_ACTION_MESSAGE, type PageActionRequest } from '../lib/page/page-messages';
import { pageScanItem, type PageScanState } from '../lib/page/page-scan-state';
import { MIN_RENDERED_EDGE, PAGE_IMAGE_CAP } from '../lib/page/choose-page-images';
import { formatDuration } from '../lib/popup/format';
import { useStorageValue } from '../lib/popup/use-storage-value';
import { useRenderAt } from '../lib/popup/use-render-at';

type Action = { action: 'label' } | { action: 'clear' } | { action: 'filter'; className: string | null };

/**
 * "Label this page" in the popup: starts a scan of the tab it was opened on, shows its progress
 * (n of m, time so far) and afterwards how many images of each class, with a class filter that
 * outlines that class on the page. Images from sites the user has not allowed are listed with one
 * "Allow and label" button: its click asks Chrome for exactly those sites, in one prompt.
 */
export function PageScanPanel({ tabId }: { tabId: number }) {
  const item = useMemo(() => pageScanItem(tabId), [tabId]);
  const scan = useStorageValue(item);
  const [problem, setProblem] = useState<string | null>(null);
  // While scanning, the clock moves once a second.
  useRenderAt(scan?.status === 'scanning' ? Date.now() + 1000 : undefined);

  const send = (action: Action) => {
    setProblem(null);
    const request = { type: PAGE_ACTION_MESSAGE, tabId, ...action } as PageActionRequest;
    void browser.runtime.sendMessage(request).then(
      (answer: { ok: boolean; message?: string } | undefined) => {
        if (answer && !answer.ok) setProblem(answer.message ?? 'Fashion Lens could not label this page.');
      },
      () => setProblem('Fashion Lens could not reach its background page. Reload the extension on chrome://extensions and try again.'),
    );
  };

  const allowAndLabel = (patterns: string[]) => {
    // First thing in the click: Chrome shows its prompt only within the user's gesture.
    void browser.permissions.request({ origins: patterns }).then(
      (granted) => (granted ? send({ action: 'label' }) : setProblem('Not allowed: images from those sites stay unlabelled. You can allow them later here.')),
      () => setProblem('Chrome did not ask: open the popup from the toolbar and click "Allow and label" again.'),
    );
  };

  return (
    <section class="page-scan" aria-labelledby="page-scan-heading">
      <div class="history-header">
        <h2 id="page-scan-heading">This page</h2>
        <div class="page-buttons">
          <button type="button" class="primary" onClick={() => send({ action: 'label' })}>
            {scan && scan.status !== 'cleared' ? 'Label again' : 'Label this page'}
          </button>
          {scan && (
            <button type="button" class="link-button" onClick={() => send({ action: 'clear' })}>
              Clear labels
            </button>
          )}
        </div>
      </div>
      {problem && <p class="error" role="alert">{problem}</p>}
      {scan && <ScanSummary scan={scan} onFilter={(className) => send({ action: 'filter', className })} onAllow={allowAndLabel} />}
    </section>
  );
}

function ScanSummary({ scan, onFilter, onAllow }: { scan: PageScanState; onFilter(className: string | null): void; onAllow(patterns: string[]): void }) {
  const answered = scan.labelled + scan.failed + scan.skipped;
  const elapsed = formatDuration((scan.status === 'scanning' ? Date.now() : scan.updatedAt) - scan.startedAt);
  const classes = CLASS_NAMES.filter((name) => (scan.counts[name] ?? 0) > 0);
  return (
    <div class="scan-summary" aria-live="polite">
      {scan.total === 0 ? (
        <p class="hint">
          {scan.status === 'scanning'
            ? 'Looking for product images…'
            : `No product images on this page yet: Fashion Lens labels pictures shown at least ${MIN_RENDERED_EDGE}x${MIN_RENDERED_EDGE} px, not icons, logos or hidden images. Products the page loads as you scroll are labelled when they appear.`}
        </p>
      ) : (
        <p>
          {scan.status === 'scanning' ? `Labelling ${answered} of ${scan.total} images · ${elapsed}` : `Labelled ${scan.labelled} of ${scan.total} images in ${elapsed}`}
          {scan.failed > 0 && ` · ${scan.failed} could not be read (their badges say why)`}
          {scan.skipped > 0 && ` · ${scan.skipped} blank, skipped`}
        </p>
      )}
      {scan.overCap > 0 && (
        <p class="hint">
          This page has more than {PAGE_IMAGE_CAP} product images: the first {PAGE_IMAGE_CAP} are labelled, {scan.overCap} more are not.
        </p>
      )}
      {scan.needsAccess.length > 0 && (
        <div class="needs-access">
          <p>Some images come from sites Fashion Lens may not read yet: {scan.needsAccess.map((p) => p.replace(/^https?:\/\//, '').replace(/\/\*$/, '')).join(', ')}.</p>
          <button type="button" class="primary" onClick={() => onAllow(scan.needsAccess)}>
            Allow and label
          </button>
        </div>
      )}
      {classes.length > 0 && (
        <fieldset class="picker class-filter">
          <legend>Show on the page</legend>
          <label class="choice">
            <input type="radio" name="class-filter" checked={scan.filter === null} onChange={() => onFilter(null)} /> All classes
          </label>
          {classes.map((name) => (
            <label class="choice" key={name}>
              <input type="radio" name="class-filter" checked={scan.filter === name} onChange={() => onFilter(name)} /> {name}
              <span class="count">{scan.counts[name]}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
