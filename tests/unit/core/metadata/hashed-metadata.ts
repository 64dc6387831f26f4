import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata } from '../../../../core/types.js';
import { validMetadata } from './valid-metadata.js';

/** validMetadata for the export in `dir`: it records the SHA-256 of that folder's weights.bin, as the pipeline writes it. */
export function hashedMetadata(dir: string, overrides: Partial<ModelMetadata> = {}): ModelMetadata {
  const metadata = validMetadata(overrides);
  metadata.weights.sha256 = createHash('sha256').update(readFileSync(join(dir, 'weights.bin'))).digest('hex');
  return metadata;
}
