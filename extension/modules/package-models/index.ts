import { defineWxtModule } from 'wxt/modules';
import { collectModelFiles, collectWasmFiles, resolveModelsDir } from './collect-model-files.js';

/**
 * Packages the exported models and tfjs' WASM binaries into every build (and dev build):
 * artifacts/models/<id>/* (or $FASHION_LENS_MODELS_DIR/<id>/*) -> models/<id>/*, and
 * node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm -> wasm/*. Fails the build with a
 * sentence when a model or its metadata is missing or invalid.
 */
export default defineWxtModule({
  name: 'fashion-lens:package-models',
  setup(wxt) {
    // Lets the extension's code call browser.runtime.getURL on these, type-checked.
    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push({ type: 'templateLiteral', path: '/models/${string}' }, { type: 'templateLiteral', path: '/wasm/${string}' });
    });
    wxt.hooks.hook('build:publicAssets', (_, files) => {
      const root = wxt.config.root;
      const modelsDir = resolveModelsDir(root, process.env);
      const packaged = [...collectModelFiles(modelsDir, root), ...collectWasmFiles(root)];
      files.push(...packaged);
      wxt.logger.info(`Packaged ${packaged.length} model and WASM files from ${modelsDir}`);
    });
  },
});
