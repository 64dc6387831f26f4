import { browser } from 'wxt/browser';
import { IMAGE_PIXELS } from '../../../core/class-names';
import { loadFashionModel, type LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf, predictProbabilitiesAsync } from '../../../core/predict';
import type { ModelId } from '../../../core/types';

/**
 * Loads a model packaged in the extension (models/<id>/, copied in at build time), validating its
 * metadata.json with core's schema, and warms it up with one prediction in the mode its metadata
 * asks for (a mirror-averaged model predicts a batch of two), so the first click does not pay for
 * weight upload and shader compilation.
 */
export async function loadPackagedModel(id: ModelId): Promise<LoadedFashionModel> {
  const base = browser.runtime.getURL(`/models/${id}/`);
  const where = `models/${id}/metadata.json in the extension`;
  const response = await fetch(`${base}metadata.json`);
  if (!response.ok) throw new Error(`${where} is missing (HTTP ${response.status}); rebuild the extension with \`npm run build\``);
  const loaded = await loadFashionModel(`${base}model.json`, await response.json(), where);
  await predictProbabilitiesAsync(loaded.model, new Uint8Array(IMAGE_PIXELS), predictOptionsOf(loaded.metadata));
  return loaded;
}
