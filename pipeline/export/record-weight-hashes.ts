import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import type { ModelMetadata } from '../../core/types.js';
import { sha256Hex } from '../data/sha256-hex.js';
import { writeFileAtomically } from '../data/write-file-atomically.js';
import { readLayersModelFiles } from './layers-model-files.js';
import { METADATA_FILE } from '../../core/model-folder.js';

/**
 * `metadata` with weights.sha256 set to the SHA-256 of `weightData` (every shard joined in
 * manifest order, what core's loader and the extension build check; issue 12, item 8).
 */
export function withWeightHash(metadata: ModelMetadata, weightData: Uint8Array): ModelMetadata {
  return { ...metadata, weights: { ...metadata.weights, sha256: sha256Hex(weightData) } };
}

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
  const path = join(dir, METADATA_FILE);
  if (!existsSync(path)) throw new Error(`${path} is missing, so ${dir} is not a model export; export the model with \`npm run pipeline\`.`);
  const metadata = parseModelMetadata(JSON.parse(readFileSync(path, 'utf8')), path);
  const hashed = withWeightHash(metadata, readLayersModelFiles(dir).weightData);
  if (metadata.weights.sha256 === undefined) {
    await writeFileAtomically(path, new TextEncoder().encode(JSON.stringify(hashed, null, 2) + '\n'));
    return 'recorded';
  }
  if (metadata.weights.sha256 !== hashed.weights.sha256) {
    throw new Error(`The weights in ${dir} do not match the SHA-256 that ${path} records (${metadata.weights.sha256.slice(0, 12)}…, they hash to ${hashed.weights.sha256!.slice(0, 12)}…): they changed after the export. Restore them (e.g. \`git checkout ${dir}\`) or export the model again with \`npm run pipeline\`.`);
  }
  return 'verified';
}
