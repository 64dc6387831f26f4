import type { Browser } from 'wxt/browser';
import { CLEAR_LABELS_MENU_ID, LABEL_PAGE_MENU_ID } from './context-menu';
import type { PageScans } from './page-scans';

/** contextMenus.onClicked handler for the page's items: label every product on the tab, or clear the labels. */
export async function handlePageMenuClick(info: Pick<Browser.contextMenus.OnClickData, 'menuItemId'>, tab: Browser.tabs.Tab | undefined, scans: PageScans): Promise<void> {
  if (tab?.id === undefined) return;
  if (info.menuItemId === LABEL_PAGE_MENU_ID) await scans.label(tab.id);
  else if (info.menuItemId === CLEAR_LABELS_MENU_ID) await scans.clear(tab.id);
}
