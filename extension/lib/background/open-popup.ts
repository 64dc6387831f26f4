import { browser } from 'wxt/browser';

/**
 * Opens the popup where Chrome allows it (action.openPopup: Chrome 127+, needs a focused normal
 * window). Resolves false where it cannot; the badge then tells the user a result is waiting.
 */
export async function tryOpenPopup(): Promise<boolean> {
  if (typeof browser.action?.openPopup !== 'function') return false;
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    return false;
  }
}
