import type * as tf from '@tensorflow/tfjs-node';
import { join, resolve } from 'node:path';
import { loadFashionModel } from '../../core/model-loader.js';
import type { ExportedModel } from './find-exported-models.js';

/**
 * Loads an export through core's loadFashionModel (the extension's path, with the weights it ships),
 * runs `use` on it, and frees the model whatever happens.
 */
export async function withExportedModel<T>(exported: ExportedModel, use: (model: tf.LayersModel) => T | Promise<T>): Promise<T> {
  const { model } = await loadFashionModel(`file://${resolve(exported.dir, 'model.json')}`, exported.metadata, join(exported.dir, 'metadata.json'));
  try {
    return await use(model);
  } finally {
    model.dispose();
  }
}
