import type * as tf from '@tensorflow/tfjs-node';
import { join } from 'node:path';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import type { ModelMetadata } from '../../core/types.js';
import { layersModelFileContents } from './layers-model-files.js';
import { modelToFiles } from './model-to-files.js';
import { withWeightHash } from './record-weight-hashes.js';
import { writeDirAtomically } from './write-dir-atomically.js';
import { METADATA_FILE } from '../../core/model-folder.js';

/**
 * Writes `<modelsDir>/<folder>/{model.json, weights.bin, metadata.json}` atomically (one folder
 * rename, see writeDirAtomically): a crash or Ctrl-C never leaves a half-written model where the
 * extension build would pick it up. The metadata records the weights' SHA-256 and is validated by
 * core's schema before anything is written.
 */
export async function writeModelAtomically(modelsDir: string, model: tf.LayersModel, metadata: ModelMetadata, extraFiles: Record<string, string | Uint8Array> = {}, folder: string = metadata.id): Promise<string> {
  const dest = join(modelsDir, folder);
  parseModelMetadata(JSON.parse(JSON.stringify(metadata)), `${dest}/metadata.json`);
  const files = await modelToFiles(model);
  const hashed = withWeightHash(metadata, files.weightData);
  return writeDirAtomically(dest, { ...layersModelFileContents(files), [METADATA_FILE]: JSON.stringify(hashed, null, 2) + '\n', ...extraFiles });
}
