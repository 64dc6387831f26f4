import { browser, type Browser } from 'wxt/browser';
import { classifyImageUrl, type ClassifyDeps } from './classify-image-url';
import { requestSiteAccess } from './request-site-access';
import type { FinishedEntry } from '../types';

/** Id of the "Classify with Fashion Lens" menu item. */
export const MENU_ID = 'fashion-lens-classify';

/** Ids of the page's menu items: "Label every product on this page" and "Clear labels". */
export const LABEL_PAGE_MENU_ID = 'fashion-lens-label-page';
export const CLEAR_LABELS_MENU_ID = 'fashion-lens-clear-labels';

/** Registers the image context menu (on install/update; Chrome keeps it across restarts). */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: 'Classify with Fashion Lens', contexts: ['image'] });
  // On the page itself (right-click anywhere): the menu click grants activeTab for that tab.
  browser.contextMenus.create({ id: LABEL_PAGE_MENU_ID, title: 'Label every product on this page', contexts: ['page', 'image'] });
  browser.contextMenus.create({ id: CLEAR_LABELS_MENU_ID, title: 'Clear Fashion Lens labels', contexts: ['page', 'image'] });
}

/**
 * contextMenus.onClicked handler: classifies the clicked image. Exported (and, in test builds
 * only, exposed on the service worker's global as `fashionLens.handleContextMenuClick`) so the
 * e2e tests run exactly this path; Chrome offers no way to click a context menu from a test.
 */
export async function handleContextMenuClick(
  info: Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'srcUrl'>,
  _tab: Browser.tabs.Tab | undefined,
  deps: ClassifyDeps,
): Promise<FinishedEntry | undefined> {
  if (info.menuItemId !== MENU_ID || !info.srcUrl) return undefined;
  // First, before any await: Chrome's site-access prompt needs the click's user gesture.
  const access = requestSiteAccess(info.srcUrl);
  return classifyImageUrl(info.srcUrl, deps, access);
}
