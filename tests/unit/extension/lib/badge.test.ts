import { describe, expect, it } from 'vitest';
import { CLASS_NAMES } from '../../../../core/model-contract';
import { badgeFor } from '../../../../extension/lib/badge';
import { doneEntry, errorEntry } from '../fixtures';

describe('badgeFor', () => {
  it('shows every class in at most four characters, with the full label and percentage as tooltip', () => {
    for (const label of CLASS_NAMES) {
      const badge = badgeFor(doneEntry('a', label));
      expect(badge.text.length).toBeLessThanOrEqual(4);
      expect(badge.title).toBe(`Fashion Lens: ${label} (91%). Click to see the top 3.`);
    }
    expect(new Set(CLASS_NAMES.map((label) => badgeFor(doneEntry('a', label)).text)).size).toBe(CLASS_NAMES.length);
  });

  it('shows "…" while pending and "!" with the sentence on errors', () => {
    expect(badgeFor({ id: 'p', imageUrl: 'u', modelId: 'cnn', requestedAt: 0, status: 'pending' }).text).toBe('…');
    const badge = badgeFor(errorEntry('e', 'That address is not an image.'));
    expect(badge).toMatchObject({ text: '!', title: 'Fashion Lens: That address is not an image.' });
  });
});
