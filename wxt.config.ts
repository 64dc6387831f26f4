import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Loading the extension" and extension/modules/ for the model-copy build hook.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Fashion Lens',
    description: 'Right-click a product image to see what kind of clothing it is. Runs entirely on your device.',
    permissions: ['contextMenus', 'offscreen', 'storage'],
    host_permissions: ['<all_urls>'],
  },
  vite: () => ({ plugins: [preact()] }),
});
