import { join } from 'node:path';
import { METADATA_FILE } from '../../core/model-folder.js';
import { readModelFolder, withWeightHash, writeModelMetadata } from './model-folder-io.js';

/** What recordWeightHash did to one export. */
export type HashOutcome = 'recorded' | 'verified';

/**
 * For an export folder (model.json, its weights, metadata.json) whose metadata predates weight
 * hashes: records the SHA-256 of its weights as they are now (metadata.json rewritten
 * atomically; nothing else changes) and returns 'recorded'. One that records a hash already is
 * checked instead ('verified'); a mismatch throws a sentence naming the folder, since it means
 * the weights changed after the export and recording them again would hide that.
 */
export async function recordWeightHash(dir: string): Promise<HashOutcome> {
  const { metadata, files } = readModelFolder(dir);
  const hashed = withWeightHash(metadata, files.weightData);
  if (metadata.weights.sha256 === undefined) {
    await writeModelMetadata(dir, hashed);
    return 'recorded';
  }
  if (metadata.weights.sha256 !== hashed.weights.sha256) {
    throw new Error(`The weights in ${dir} do not match the SHA-256 that ${join(dir, METADATA_FILE)} records (${metadata.weights.sha256.slice(0, 12)}…, they hash to ${hashed.weights.sha256!.slice(0, 12)}…): they changed after the export. Restore them (e.g. \`git checkout ${dir}\`) or export the model again with \`npm run pipeline\`.`);
  }
  return 'verified';
}
