import { browser } from 'wxt/browser';

/**
 * The site (origin) an image address reads from, or null when reading it needs no site access (a
 * data: URL carries its bytes). A blob: URL belongs to the page that made it. Pure.
 */
export function imageSite(imageUrl: string): URL | null {
  let url: URL;
  try {
    url = new URL(imageUrl);
    if (url.protocol === 'blob:') url = new URL(url.pathname); // blob:https://shop.example/<uuid> -> https://shop.example/<uuid>
  } catch {
    return null; // not an address: the fetch refuses it with its own sentence
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** The host-permission pattern for the image's site (its origin, port included), or null (see imageSite). Pure. */
export function siteAccessPattern(imageUrl: string): string | null {
  const site = imageSite(imageUrl);
  return site ? `${site.origin}/*` : null;
}

/**
 * Asks Chrome for read access to the image's site. Must be called synchronously in the context
 * menu's click handler: Chrome shows its prompt ("Read and change your data on shop.example")
 * only within the click's user gesture, and any await before the call loses it (measured on
 * Chromium 156: the call then rejects with "This function must be called during a user
 * gesture", even for a site already allowed). A site once allowed is granted again at once, with
 * no prompt. Where Chrome does not count the call as part of a click, it falls back to whether
 * access is already granted. Resolves true when the image can be read.
 */
export function requestSiteAccess(imageUrl: string): Promise<boolean> {
  const pattern = siteAccessPattern(imageUrl);
  if (pattern === null) return Promise.resolve(true);
  const origins = [pattern];
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request({ origins });
  } catch (error) {
    asked = Promise.reject(error);
  }
  return asked.catch(() => browser.permissions.contains({ origins }).catch(() => false));
}
