import type { PageLabel } from './page-label';

/** A finished label for one address (what a badge shows). */
export type AnsweredLabel = Exclude<PageLabel, { state: 'pending' }>;

/** Message type of what a page's labeller sends the background. */
export const PAGE_MESSAGE = 'fashion-lens/page';

/** Page -> background (runtime.sendMessage; the background knows the tab from the sender). */
export type PageToBackground =
  /** A pass over the page found `added` new distinct addresses (0 for a page with none); `overCap` were left out by the cap. */
  | { type: typeof PAGE_MESSAGE; kind: 'found'; added: number; overCap: number }
  /** Classify these addresses (one batch); answered with their labels, in the same order. */
  | { type: typeof PAGE_MESSAGE; kind: 'classify'; urls: string[] };

/** Background -> page (tabs.sendMessage). */
export type BackgroundToPage =
  /** Outline this class's images and veil the others (null: no filter). */
  | { type: typeof PAGE_MESSAGE; kind: 'filter'; className: string | null }
  /** Remove every badge and stop watching the page. */
  | { type: typeof PAGE_MESSAGE; kind: 'clear' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isPageToBackground(message: unknown): message is PageToBackground {
  if (!isObject(message) || message.type !== PAGE_MESSAGE) return false;
  if (message.kind === 'found') return Number.isInteger(message.added) && Number.isInteger(message.overCap);
  return message.kind === 'classify' && Array.isArray(message.urls) && message.urls.every((u) => typeof u === 'string');
}

export function isBackgroundToPage(message: unknown): message is BackgroundToPage {
  if (!isObject(message) || message.type !== PAGE_MESSAGE) return false;
  return (message.kind === 'filter' && (message.className === null || typeof message.className === 'string')) || message.kind === 'clear';
}

/** Checks the background's answer to a 'classify' batch: one label per address asked. */
export function isBatchAnswer(answer: unknown, count: number): answer is AnsweredLabel[] {
  return Array.isArray(answer) && answer.length === count && answer.every((a) => isObject(a) && (a.state === 'done' || a.state === 'error'));
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
  if (!isObject(message)) return false;
  if (message.type !== PAGE_ACTION_MESSAGE || typeof message.tabId !== 'number' || !Number.isInteger(message.tabId)) return false;
  return message.action === 'label' || message.action === 'clear' || (message.action === 'filter' && (message.className === null || typeof message.className === 'string'));
}
