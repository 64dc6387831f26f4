import { defineWxtModule } from 'wxt/modules';

/** The offscreen document's entry (entrypoints/offscreen/), which only Chrome has a use for. */
const OFFSCREEN_ENTRY = 'offscreen';

/**
 * What the Firefox build (`npm run build:firefox`, `zip:firefox`) does differently: it leaves out
 * the offscreen document (Firefox has none; its background page classifies, see
 * lib/background/build-classifier.ts), and it fails when its manifest asks for a permission
 * Firefox would refuse. The Chrome build is untouched.
 */
export default defineWxtModule({
  name: 'fashion-lens:firefox-build',
  setup(wxt) {
    if (wxt.config.browser !== 'firefox') return;
    wxt.hooks.hook('entrypoints:resolved', (_, entrypoints) => {
      const offscreen = entrypoints.findIndex((entry) => entry.name === OFFSCREEN_ENTRY);
      if (offscreen >= 0) entrypoints.splice(offscreen, 1);
    });
    // The shared code names the page (lib/background/offscreen-document.ts) and is type-checked for both browsers.
    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push({ type: 'string', path: `/${OFFSCREEN_ENTRY}.html` });
    });
    wxt.hooks.hook('build:done', async () => {
      // Loaded here, so the Chrome build never loads the linter.
      const { checkFirefoxPermissions } = await import('./check-firefox-permissions.js');
      await checkFirefoxPermissions(wxt.config.outDir);
      wxt.logger.info("Mozilla's add-ons linter finds no permission Firefox would refuse.");
    });
  },
});
