import * as tf from '@tensorflow/tfjs-node';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import type { ModelMetadata } from '../../core/types.js';

/**
 * Writes `<modelsDir>/<folder>/{model.json, weights.bin, metadata.json}` atomically: everything goes into
 * a temporary sibling folder first, then one rename puts it in place. A crash or Ctrl-C never leaves
 * a half-written model where the extension build would pick it up. The metadata is validated by
 * core's schema before anything is written.
 */
export async function writeModelAtomically(modelsDir: string, model: tf.LayersModel, metadata: ModelMetadata, extraFiles: Record<string, string | Uint8Array> = {}, folder: string = metadata.id): Promise<string> {
  const dest = join(modelsDir, folder);
  parseModelMetadata(JSON.parse(JSON.stringify(metadata)), `${dest}/metadata.json`);
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = join(modelsDir, `.${folder}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    await model.save(`file://${tmp}`);
    writeFileSync(join(tmp, 'metadata.json'), JSON.stringify(metadata, null, 2) + '\n');
    for (const [name, content] of Object.entries(extraFiles)) writeFileSync(join(tmp, name), content);
    const old = join(modelsDir, `.${folder}.old-${process.pid}`);
    if (existsSync(dest)) renameSync(dest, old);
    renameSync(tmp, dest);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dest;
}
