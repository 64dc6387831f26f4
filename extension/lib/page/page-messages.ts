import type { PageLabel } from './page-label';

/** Name of the port a page's labeller opens to the background (one per scanned tab). */
export const PAGE_SCAN_PORT = 'fashion-lens/page-scan';

/** Page -> background. */
export type PageToBackground =
  /** New distinct image addresses to classify, and the page's counts so far. */
  | { kind: 'found'; urls: string[]; tally: PageTally };

/** Background -> page. */
export type BackgroundToPage =
  /** Answers for some addresses. */
  | { kind: 'labels'; labels: { url: string; label: Exclude<PageLabel, { state: 'pending' }> }[] }
  /** Outline this class's images and veil the others (null: no filter). */
  | { kind: 'filter'; className: string | null }
  /** Remove every badge and stop watching the page. */
  | { kind: 'clear' };

/** What the page has seen so far (images, not addresses: two images of one address count twice). */
export interface PageTally {
  /** Product-sized images found (each is classified, possibly sharing an address). */
  found: number;
  /** Distinct addresses left out because the page cap was reached. */
  overCap: number;
}

export function isPageToBackground(message: unknown): message is PageToBackground {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  const tally = m.tally as Record<string, unknown> | undefined;
  return (
    m.kind === 'found' &&
    Array.isArray(m.urls) &&
    m.urls.every((u) => typeof u === 'string') &&
    typeof tally === 'object' &&
    tally !== null &&
    typeof tally.found === 'number' &&
    typeof tally.overCap === 'number'
  );
}

export function isBackgroundToPage(message: unknown): message is BackgroundToPage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (m.kind === 'labels' && Array.isArray(m.labels)) || (m.kind === 'filter' && (m.className === null || typeof m.className === 'string')) || m.kind === 'clear';
}

/** Message type of the popup's page actions (popup -> background). */
export const PAGE_ACTION_MESSAGE = 'fashion-lens/page-action';

/** The popup asks the background to label, clear or filter the tab it was opened on. */
export type PageActionRequest = { type: typeof PAGE_ACTION_MESSAGE; tabId: number } & (
  | { action: 'label' }
  | { action: 'clear' }
  | { action: 'filter'; className: string | null }
);

export function isPageActionRequest(message: unknown): message is PageActionRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (m.type !== PAGE_ACTION_MESSAGE || typeof m.tabId !== 'number' || !Number.isInteger(m.tabId)) return false;
  return m.action === 'label' || m.action === 'clear' || (m.action === 'filter' && (m.className === null || typeof m.className === 'string'));
}
