import { browser } from 'wxt/browser';
import { isOffscreenAlreadyOpen } from '../chrome-error-texts';

/** The offscreen document's page in the build (WXT builds entrypoints/offscreen/ to it). */
export const OFFSCREEN_PATH = '/offscreen.html';

/** Keeps exactly one offscreen document alive. */
export interface OffscreenDocumentKeeper {
  /** Resolves once the offscreen document exists, creating it if needed. */
  ensure(): Promise<void>;
}

/**
 * Builds the keeper. Chrome allows one offscreen document per extension: the keeper asks
 * runtime.getContexts whether it exists (that also finds the one created before the service
 * worker last stopped), and concurrent callers share one creation promise, so ten clicks at once
 * create it once. If Chrome still reports it exists (a race with a previous worker), that is fine.
 */
export function buildOffscreenDocumentKeeper(): OffscreenDocumentKeeper {
  let creating: Promise<void> | null = null;
  const url = () => browser.runtime.getURL(OFFSCREEN_PATH);

  async function exists(): Promise<boolean> {
    const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url()] });
    return contexts.length > 0;
  }

  async function create(): Promise<void> {
    try {
      await browser.offscreen.createDocument({
        url: url(),
        // BLOBS: it turns the fetched bytes into Blobs and decodes them (createImageBitmap, canvas),
        // and runs the model on WebGL/WASM, none of which a service worker can do.
        reasons: ['BLOBS'],
        justification: 'Decode the image you right-clicked and classify it on your device with the packaged model.',
      });
    } catch (error) {
      if (!isOffscreenAlreadyOpen(error)) throw error;
    }
  }

  return {
    async ensure() {
      if (creating) return creating;
      if (await exists()) return;
      creating ??= create().finally(() => {
        creating = null;
      });
      return creating;
    },
  };
}
