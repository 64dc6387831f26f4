import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { FIREFOX_SETTINGS } from './extension/modules/firefox-build/firefox-settings';

// Models and tfjs' .wasm files are copied in by extension/modules/package-models/ (index.ts)
// (FASHION_LENS_MODELS_DIR packages another models folder, e.g. for tests).
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: '.output',
  manifest: ({ mode, browser }) => ({
    name: 'Fashion Lens',
    description:
      'Right-click a product image to see what kind of clothing it is (top-3 of 10 Fashion-MNIST classes). Runs entirely on your device.',
    // Chrome: runtime.getContexts (used to find the offscreen document) arrived in Chrome 116.
    // Firefox (`npm run build:firefox`): FIREFOX_SETTINGS; it has no offscreen documents (its background page classifies).
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : { minimum_chrome_version: '116' }),
    // webRequest: only to see where the extension's own image downloads are redirected, so a
    // redirect to a site the user has not allowed can be named (watch-redirects.ts); it grants
    // no site access of its own. activeTab + scripting: "Label this page" injects its labeller
    // into the tab the user asked for, and only then.
    permissions: ['contextMenus', ...(browser === 'firefox' ? [] : ['offscreen']), 'storage', 'webRequest', 'activeTab', 'scripting'],
    // Reading the image the user right-clicked, on whatever site hosts it (product photos usually
    // live on a CDN that sends no CORS headers): asked for one site at a time, on the first click
    // on that site's images (see request-site-access.ts). The test build (`--mode e2e`) holds it
    // from the start: a program cannot answer Chrome's prompt.
    ...(mode === 'e2e' ? { host_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    // WASM backend: compiling the packaged .wasm needs 'wasm-unsafe-eval'; nothing remote.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    action: { default_title: 'Fashion Lens' },
  }),
  vite: () => ({ plugins: [preact()] }),
  // `npm run dev` opens a browser with the extension loaded. Chromium refuses to start as root
  // without --no-sandbox (containers, CI boxes); everyone else keeps the sandbox.
  webExt: { chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [] },
});
