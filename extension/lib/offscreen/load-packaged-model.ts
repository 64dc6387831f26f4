import * as tf from '@tensorflow/tfjs';
import { browser } from 'wxt/browser';
import { IMAGE_PIXELS } from '../../../core/model-contract';
import { METADATA_FILE, MODEL_FILE } from '../../../core/model-folder';
import { loadFashionModel, type LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf, predictProbabilitiesAsync } from '../../../core/predict';

/**
 * fetch for the extension's own files that names the file when it is not there (a bare fetch of a
 * missing chrome-extension:// file only says "Failed to fetch"; issue 12, item 8).
 */
async function fetchPackagedFile(url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const href = url instanceof Request ? url.url : String(url);
  const name = new URL(href).pathname.replace(/^\//, '');
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new Error(`${name} is missing from the extension (${(error as Error).message})`);
  }
  if (!response.ok) throw new Error(`${name} is missing from the extension (HTTP ${response.status})`);
  return response;
}

/**
 * Loads a model packaged in the extension (models/<id>/, copied in at build time), validating its
 * metadata.json with core's schema and its weights against the SHA-256 that metadata records (a
 * model without one is refused), and warms it up with one prediction in the mode its metadata
 * asks for (a mirror-averaged model predicts a batch of two), so the first click does not pay for
 * weight upload and shader compilation.
 */
export async function loadPackagedModel(id: string): Promise<LoadedFashionModel> {
  const base = browser.runtime.getURL(`/models/${id}/`);
  const where = `models/${id}/${METADATA_FILE} in the extension`;
  const metadata = await (await fetchPackagedFile(`${base}${METADATA_FILE}`)).json();
  const handler = tf.io.http(`${base}${MODEL_FILE}`, { fetchFunc: fetchPackagedFile });
  // No fix sentence here: the popup's model error (classifierErrors.modelFailed) says to rebuild the extension.
  const loaded = await loadFashionModel(handler, metadata, where, { source: `models/${id}/${MODEL_FILE} in the extension`, fix: '' });
  await predictProbabilitiesAsync(loaded.model, new Uint8Array(IMAGE_PIXELS), predictOptionsOf(loaded.metadata));
  return loaded;
}
