import { browser } from 'wxt/browser';

/** Where the extension's own downloads were redirected, remembered briefly. */
export interface RedirectLog {
  /** The address a download of `url` was last redirected to, if one was seen. */
  targetOf(url: string): string | undefined;
}

/** How many redirects are remembered (the newest); a click looks its own up within seconds. */
const REMEMBERED = 50;

/**
 * Notes the redirects of the extension's own image downloads (webRequest.onBeforeRedirect, which
 * Chrome reports only for sites the user allowed, and here only for requests made by no tab).
 * Chrome keeps a redirect's target from the downloading page (fetch hides it), so this is how a
 * click on an image that redirects to a site the user has not allowed can name that site.
 * Register it when the service worker starts. Without the webRequest API it remembers nothing.
 */
export function watchRedirects(): RedirectLog {
  const targets = new Map<string, string>();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.webRequest?.onBeforeRedirect.addListener(
    (details) => {
      if (details.initiator !== ownOrigin) return;
      targets.delete(details.url);
      targets.set(details.url, details.redirectUrl);
      if (targets.size > REMEMBERED) targets.delete(targets.keys().next().value!);
    },
    { urls: ['<all_urls>'], tabId: -1 },
  );
  return { targetOf: (url) => targets.get(url) };
}
