import { browser } from 'wxt/browser';
import type { NUM_CLASSES } from '../../core/model-contract';
import type { ResultEntry } from './types';

/** Four-character badge names by class index, in CLASS_NAMES' order (the badge shows about four characters). */
const SHORT_LABELS = ['Tee', 'Trou', 'Pull', 'Drss', 'Coat', 'Sndl', 'Shrt', 'Snkr', 'Bag', 'Boot'] as const satisfies { length: typeof NUM_CLASSES };

/** Badge text, colour and tooltip for an entry. Pure. */
export function badgeFor(entry: ResultEntry): { text: string; color: string; title: string } {
  switch (entry.status) {
    case 'pending':
      return { text: '…', color: '#5f6368', title: 'Fashion Lens: classifying…' };
    case 'error':
      return { text: '!', color: '#c5221f', title: `Fashion Lens: ${entry.error.message}` };
    case 'done': {
      const best = entry.result.top3[0]!;
      const percent = Math.round(best.probability * 100);
      return { text: SHORT_LABELS[best.index] ?? best.label.slice(0, 4), color: '#1f6f78', title: `Fashion Lens: ${best.label} (${percent}%). Click to see the top 3.` };
    }
  }
}

/** Shows an entry's state on the toolbar button: how results are noticed where the popup cannot open by itself. */
export async function showBadge(entry: ResultEntry): Promise<void> {
  const { text, color, title } = badgeFor(entry);
  await Promise.all([
    browser.action.setBadgeText({ text }),
    browser.action.setBadgeBackgroundColor({ color }),
    browser.action.setTitle({ title }),
  ]);
}

/** Clears the badge (the popup does this once the result has been seen). */
export async function clearBadge(): Promise<void> {
  await Promise.all([browser.action.setBadgeText({ text: '' }), browser.action.setTitle({ title: 'Fashion Lens' })]);
}
