import { defineWxtModule } from 'wxt/modules';
import { catalogFile, collectPackagedModels, collectWasmFiles, resolveModelsDir } from './collect-model-files.js';

/**
 * Packages every model folder and tfjs' WASM binaries into every build (and dev build):
 * artifacts/models/<id>/* (or $FASHION_LENS_MODELS_DIR/<id>/*) -> models/<id>/*, their list
 * -> models/index.json (the popup's model choice), and
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
      const models = collectPackagedModels(modelsDir, root);
      const packaged = [...models.files, ...collectWasmFiles(root)];
      files.push(...packaged, catalogFile(models.catalog));
      wxt.logger.info(`Packaged ${models.catalog.length} models (${models.catalog.map((m) => m.id).join(', ')}) and the WASM files: ${packaged.length} files from ${modelsDir}`);
    });
  },
});
