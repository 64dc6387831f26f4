import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleContextMenuClick, registerContextMenu } from '../lib/background/context-menu';
import { listenForExplain } from '../lib/background/listen-for-explain';
import { listenForPopup } from '../lib/background/listen-for-popup';
import { buildClassifier } from '../lib/background/build-classifier';
import { handlePageMenuClick } from '../lib/background/page-menu';
import { buildPageScans } from '../lib/background/page-scans';
import { listenForPageActions } from '../lib/background/listen-for-page-actions';
import { watchRedirects } from '../lib/background/watch-redirects';
import { buildResultStore } from '../lib/result-store';

// The service worker: context menu, one offscreen document, result storage, badge. No tfjs here
// (service workers have no DOM, WebGL or canvas decoding); the offscreen document classifies.
export default defineBackground(() => {
  const deps = { classifier: buildClassifier(), store: buildResultStore(), redirects: watchRedirects() };
  // A click still pending now was cut off when the previous worker stopped: say so (first in the store's queue).
  void deps.store.failAbandoned(Date.now()).catch(() => {});

  listenForPopup(deps.store);
  listenForExplain(deps.classifier);
  const scans = buildPageScans(deps);
  listenForPageActions(scans);
  browser.runtime.onInstalled.addListener(() => {
    void registerContextMenu();
  });
  // Registered synchronously at start-up so a click that wakes a stopped worker is delivered.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleContextMenuClick(info, tab, deps);
    void handlePageMenuClick(info, tab, scans).catch(() => {});
  });

  // Test builds only (`wxt build --mode e2e`, made by tests/e2e/global-setup.ts): the e2e tests and the latency
  // benchmark reach the click handler through this, as Chrome offers no way to click a context
  // menu from a test. In the production build the condition is the constant false, and the
  // minifier removes the block (tests/e2e/build-output.test.ts checks that it is gone).
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      fashionLens: {
        handleContextMenuClick: (info: Parameters<typeof handleContextMenuClick>[0]) => handleContextMenuClick(info, undefined, deps),
        pageScans: scans,
      },
    });
  }
});
