/**
 * `npm run hash-weights -- [folder ...]`: records the SHA-256 of the weights in the metadata.json
 * of exports made before the pipeline recorded it (the extension build refuses a model without
 * it), and checks those that record it. Default folders: every export under artifacts/models
 * and artifacts/comparisons. Exit codes: 0 done, 1 a folder failed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordWeightHash } from './record-weight-hash.js';
import { METADATA_FILE } from '../../core/model-folder.js';
import { describeFailure, exitWith } from '../describe-failure.js';

const ARTIFACT_GROUPS = ['artifacts/models', 'artifacts/comparisons'];

function defaultFolders(): string[] {
  return ARTIFACT_GROUPS.filter((group) => existsSync(group)).flatMap((group) =>
    readdirSync(group, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && existsSync(join(group, entry.name, METADATA_FILE)))
      .map((entry) => join(group, entry.name)),
  );
}

async function main(): Promise<number> {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : defaultFolders();
  if (folders.length === 0) {
    console.error(`No model exports found under ${ARTIFACT_GROUPS.join(', ')}; export the models with \`npm run pipeline\` first.`);
    return 1;
  }
  let failed = 0;
  for (const folder of folders) {
    try {
      const outcome = await recordWeightHash(folder);
      console.log(`${folder}: ${outcome === 'recorded' ? 'recorded the SHA-256 of its weights' : 'its weights match the SHA-256 it records'}`);
    } catch (error) {
      failed++;
      console.error(describeFailure(error, false));
    }
  }
  return failed > 0 ? 1 : 0;
}

exitWith(main, () => false);
