import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleContextMenuClick, registerContextMenu } from '../lib/background/context-menu';
import { buildOffscreenDocumentKeeper } from '../lib/background/offscreen-document';
import { buildResultStore } from '../lib/result-store';

// The service worker: context menu, one offscreen document, result storage, badge. No tfjs here
// (service workers have no DOM, WebGL or canvas decoding); the offscreen document classifies.
export default defineBackground(() => {
  const deps = { offscreen: buildOffscreenDocumentKeeper(), store: buildResultStore() };
  // A click still pending now was cut off when the previous worker stopped: say so (first in the store's queue).
  void deps.store.failAbandoned(Date.now()).catch(() => {});

  browser.runtime.onInstalled.addListener(() => {
    void registerContextMenu();
  });
  // Registered synchronously at start-up so a click that wakes a stopped worker is delivered.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleContextMenuClick(info, tab, deps);
  });

  // The e2e tests and the latency benchmark call the click handler through this (see context-menu.ts).
  Object.assign(globalThis, {
    fashionLens: { handleContextMenuClick: (info: Parameters<typeof handleContextMenuClick>[0]) => handleContextMenuClick(info, undefined, deps) },
  });
});
