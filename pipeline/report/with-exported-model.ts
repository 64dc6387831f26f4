import type * as tf from '@tensorflow/tfjs-node';
import { join, resolve } from 'node:path';
import { loadFashionModel } from '../../core/model-loader.js';
import type { ExportedModel } from './find-exported-models.js';
import { METADATA_FILE, MODEL_FILE } from '../../core/model-folder.js';

/**
 * Loads an export through core's loadFashionModel (the extension's path, with the weights it ships),
 * runs `use` on it, and frees the model whatever happens.
 */
export async function withExportedModel<T>(exported: ExportedModel, use: (model: tf.LayersModel) => T | Promise<T>): Promise<T> {
  const { model } = await loadFashionModel(`file://${resolve(exported.dir, MODEL_FILE)}`, exported.metadata, join(exported.dir, METADATA_FILE));
  try {
    return await use(model);
  } finally {
    model.dispose();
  }
}
