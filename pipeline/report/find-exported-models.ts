import { UserError } from '../shared/user-error.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { METADATA_FILE } from '../../core/model-folder.js';
import { MODEL_IDS, type ModelMetadata } from '../../core/types.js';
import { readModelMetadata } from '../export/model-folder-io.js';

/** There is nothing to report on; the message says what to run. */
export class NoExportedModelsError extends UserError {
  override name = 'NoExportedModelsError';
  constructor(message: string) {
    super('no-exports', message);
  }
}

/** An exported model folder and its validated metadata. */
export interface ExportedModel {
  /** <outDir>/models/<id> or <outDir>/comparisons/<name>. */
  dir: string;
  /** The folder relative to the output root, e.g. 'models/cnn', 'comparisons/cnn-seed' (the report's label). */
  folder: string;
  /** Its metadata.json, validated by core's schema. */
  metadata: ModelMetadata;
}

/**
 * Every folder of <outDir>/<kind> with a metadata.json (hidden temporary folders skipped), validated,
 * in MODEL_IDS order, then by folder name.
 */
function readModelFolders(outDir: string, kind: 'models' | 'comparisons'): ExportedModel[] {
  const dir = join(outDir, kind);
  const names = existsSync(dir) ? readdirSync(dir).filter((d) => !d.startsWith('.') && existsSync(join(dir, d, METADATA_FILE))) : [];
  const rank = (id: string) => (MODEL_IDS as readonly string[]).indexOf(id);
  return names
    .map((d) => ({ dir: join(dir, d), folder: `${kind}/${d}`, metadata: readModelMetadata(join(dir, d)) }))
    .sort((a, b) => rank(a.metadata.id) - rank(b.metadata.id) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

/**
 * The exported models under <outDir>/models, in MODEL_IDS order: every folder with a
 * metadata.json (hidden temporary folders skipped). Metadata that fails core's schema throws, naming
 * the file. Throws a sentence saying what to run when there are none.
 */
export function findExportedModels(outDir: string): ExportedModel[] {
  const modelsDir = join(outDir, 'models');
  const models = readModelFolders(outDir, 'models');
  if (models.length === 0) {
    throw new NoExportedModelsError(`There are no exported models in ${modelsDir} (each needs a folder with model.json and metadata.json), so there is nothing to report on. Train and export them first with \`npm run pipeline\`, or pass --out with the folder a pipeline run wrote to.`);
  }
  return models;
}

/**
 * The models trained only for comparison, under <outDir>/comparisons: the seed recipe's exports
 * (`--recipe seed`, <id>-seed) and LeNet-5's RBF output (`--rbf`). None is fine.
 */
export function findComparisonModels(outDir: string): ExportedModel[] {
  return readModelFolders(outDir, 'comparisons');
}
