import { describe, expect, it } from 'vitest';
import { cannotLabel } from '../../../../extension/lib/background/listen-for-page-actions';
import { isClassifierGone, isOffscreenAlreadyOpen, isPageClosedToExtensions } from '../../../../extension/lib/chrome-error-texts';

// The wordings Chrome 156 gives (seen in the e2e runs); each must be recognised, and nothing else.

describe("Chrome's error texts", () => {
  it('recognises a runtime message nobody answered', () => {
    for (const text of [
      'Could not establish connection. Receiving end does not exist.',
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'The message port closed before a response was received.',
    ])
      expect(isClassifierGone(new Error(text)), text).toBe(true);
    expect(isClassifierGone(new Error('Failed to fetch'))).toBe(false);
    expect(isClassifierGone('Extension context invalidated.')).toBe(false);
  });

  it('recognises a tab Chrome keeps extensions out of, and says so in the sentence', () => {
    for (const text of ['Cannot access a chrome:// URL', 'The extensions gallery cannot be scripted.', 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.'])
      expect(isPageClosedToExtensions(new Error(text)), text).toBe(true);
    expect(isPageClosedToExtensions(new Error('No tab with id: 12.'))).toBe(false);
    expect(cannotLabel(new Error('Cannot access a chrome:// URL'))).toBe(
      'Fashion Lens cannot label this page: Chrome does not let extensions into its own pages, the Web Store or other extensions. Open a shop page and try again.',
    );
    expect(cannotLabel(new Error('No tab with id: 12.'))).toBe('Fashion Lens could not start labelling this page (No tab with id: 12). Reload the page and try again.');
  });

  it('recognises an offscreen document another caller created first', () => {
    expect(isOffscreenAlreadyOpen(new Error('Only a single offscreen document may be created.'))).toBe(true);
    expect(isOffscreenAlreadyOpen(new Error('Invalid value for argument 1. Property \'reasons\': Array must have at least 1 items.'))).toBe(false);
  });
});
