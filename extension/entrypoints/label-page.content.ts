import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PAGE_OVERLAY_CSS } from '../components/page-overlay';
import { startPageLabeller, type PageLabeller } from '../lib/page/page-labeller';
import { isBackgroundToPage, isBatchAnswer, PAGE_MESSAGE, type PageToBackground } from '../lib/page/page-messages';

/** The labeller of this page, kept on the isolated world's global so a second injection rescans instead of starting twice. */
const RUNNING = Symbol.for('fashion-lens/page-labeller');

// "Label this page": injected into the tab only when the user asks (scripting.executeScript from
// the popup or the page's context menu, under activeTab). No page script sees it: it runs in the
// extension's isolated world and draws into its own shadow root.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main(ctx) {
    const global = globalThis as { [RUNNING]?: PageLabeller };
    if (global[RUNNING]) {
      global[RUNNING].relabel();
      return;
    }
    const send = (message: PageToBackground) => browser.runtime.sendMessage(message);
    const ui = await createShadowRootUi(ctx, {
      name: 'fashion-lens-labels',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: PAGE_OVERLAY_CSS,
      onMount: (container) => container,
    });
    ui.mount();
    const labeller = startPageLabeller(
      document,
      ui.uiContainer,
      {
        found: (added, overCap) => void send({ type: PAGE_MESSAGE, kind: 'found', added, overCap }).catch(() => {}),
        classify: async (urls) => {
          const answer: unknown = await send({ type: PAGE_MESSAGE, kind: 'classify', urls });
          if (!isBatchAnswer(answer, urls.length)) throw new Error('The background gave no labels.');
          return answer;
        },
        listen: (handler) =>
          browser.runtime.onMessage.addListener((message: unknown) => {
            if (isBackgroundToPage(message)) handler(message);
          }),
      },
      () => {
        delete global[RUNNING];
        ui.remove();
      },
    );
    global[RUNNING] = labeller;
    // The extension was reloaded or the scan's background went away for good: leave nothing behind.
    ctx.onInvalidated(() => labeller.stop());
  },
});
