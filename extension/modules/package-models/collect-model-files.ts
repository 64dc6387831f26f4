// Build-time code (Node), loaded by WXT from extension/modules; never bundled into the extension.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseModelMetadata } from '../../../core/metadata/parse-model-metadata.js';
import { METADATA_FILE, MODEL_FILE, weightPaths } from '../../../core/model-folder.js';
import { MODEL_ID_PATTERN, type ModelMetadata } from '../../../core/types.js';
import { MODEL_CATALOG_PATH, sortCatalog, type ModelCatalogEntry } from '../../lib/model-catalog.js';

/** A file to copy into the build: from `absoluteSrc` to `relativeDest` in the output folder. */
export interface PackagedFile {
  absoluteSrc: string;
  relativeDest: string;
}

/** Environment variable naming another models folder to package (tests use it). */
export const MODELS_DIR_ENV = 'FASHION_LENS_MODELS_DIR';

/** The tfjs WASM binaries the offscreen document loads (threaded builds need cross-origin isolation, which extension pages lack). */
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'] as const;

const FIX = 'Run `npm run pipeline` (or `npm run convert -- <model> --ship`) to export it again, or remove the folder, then build again.';

/** The models folder: $FASHION_LENS_MODELS_DIR if set, else <root>/artifacts/models. */
export function resolveModelsDir(root: string, env: Record<string, string | undefined>): string {
  const fromEnv = env[MODELS_DIR_ENV];
  return fromEnv ? resolve(root, fromEnv) : join(root, 'artifacts', 'models');
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Fashion Lens build: ${what} ${path} is not valid JSON (${(error as Error).message}). ${FIX}`);
  }
}

/** Weight file paths model.json refers to (its weightsManifest), relative to model.json. */
function weightsOf(modelJson: unknown, where: string): string[] {
  const paths = weightPaths(modelJson);
  if (paths === null) throw new Error(`Fashion Lens build: ${where} has no weightsManifest, so it is not a tf.js layers model. ${FIX}`);
  return paths;
}

/**
 * The weights (every shard, joined in manifest order) must match the SHA-256 their metadata
 * records, so a damaged or swapped weight file never ships (issue 12, item 8: flipped bytes loaded
 * and answered "Bag 100%" for everything). The extension checks the same hash when it loads.
 */
function checkWeightHash(dir: string, weights: string[], recorded: string, metadataPath: string, shown: (path: string) => string): void {
  const files = weights.map((w) => shown(join(dir, w))).join(', ');
  const hash = createHash('sha256');
  for (const weight of weights) hash.update(readFileSync(join(dir, weight)));
  const actual = hash.digest('hex');
  if (actual !== recorded) {
    throw new Error(
      `Fashion Lens build: the weight file ${files} does not match the SHA-256 that ${metadataPath} records (${recorded.slice(0, 12)}…, the file hashes to ${actual.slice(0, 12)}…): it is damaged or comes from another export. ` +
        `Restore it (e.g. \`git checkout ${shown(dir)}\`) or export the model again with \`npm run pipeline\`, then build again.`,
    );
  }
}

/** What the build packages from the models folder: the files, and the list the popup shows. */
export interface PackagedModels {
  files: PackagedFile[];
  catalog: ModelCatalogEntry[];
}

/** The test accuracy of the weights a model ships (its variant's, else the test figure of its metadata). */
const shippedAccuracy = (m: ModelMetadata) => m.weights.variants?.find((v) => v.dtype === m.weights.dtype)?.testAccuracy ?? m.metrics.testAccuracy;

/**
 * Checks one model folder <modelsDir>/<id>/{model.json, weight shards, metadata.json} and lists
 * what to copy to models/<id>/. Throws one sentence naming the folder's missing, invalid or
 * damaged file.
 */
function collectOne(modelsDir: string, id: string, shown: (path: string) => string): { files: PackagedFile[]; entry: ModelCatalogEntry } {
  const dir = join(modelsDir, id);
  if (!MODEL_ID_PATTERN.test(id)) {
    throw new Error(`Fashion Lens build: the folder ${shown(dir)} is not named like a model id (lower-case letters, digits and dashes, at most 40), so it cannot ship. Rename it to its metadata's id, or remove it, then build again.`);
  }
  const modelPath = join(dir, MODEL_FILE);
  const metadataPath = join(dir, METADATA_FILE);
  for (const [path, what] of [[modelPath, 'model'], [metadataPath, 'metadata']] as const) {
    if (!existsSync(path)) throw new Error(`Fashion Lens build: the ${id} ${what} ${shown(path)} is missing. ${FIX}`);
  }
  const metadata = parseModelMetadata(readJson(metadataPath, 'metadata'), shown(metadataPath));
  if (metadata.id !== id) {
    throw new Error(`Fashion Lens build: ${shown(metadataPath)} says it describes "${metadata.id}" but sits in the ${id}/ folder. ${FIX}`);
  }
  const weights = weightsOf(readJson(modelPath, 'model'), shown(modelPath));
  for (const weight of weights) {
    if (!existsSync(join(dir, weight))) {
      throw new Error(`Fashion Lens build: ${shown(modelPath)} needs the weight file ${weight}, which is missing from ${shown(dir)}. ${FIX}`);
    }
  }
  checkWeightHash(dir, weights, metadata.weights.sha256, shown(metadataPath), shown);
  const files = [MODEL_FILE, METADATA_FILE, ...weights].map((name) => ({ absoluteSrc: join(dir, name), relativeDest: `models/${id}/${name}` }));
  const weightBytes = weights.reduce((sum, w) => sum + statSync(join(dir, w)).size, 0);
  return { files, entry: { id, displayName: metadata.displayName, weightBytes, testAccuracy: shippedAccuracy(metadata) } };
}

/**
 * Every model folder of `modelsDir` (hidden ones, such as a half-written .<id>.tmp-*, skipped),
 * checked, with the files to copy and the list the popup's model choice shows (models/index.json):
 * the pipeline's models and any converted one (issue 23). Throws one sentence naming the folder
 * and its problem, so a build never ships a model the extension would refuse.
 */
export function collectPackagedModels(modelsDir: string, root = process.cwd()): PackagedModels {
  const shown = (path: string) => relative(root, path) || path;
  if (!existsSync(modelsDir)) {
    throw new Error(`Fashion Lens build: the models folder ${shown(modelsDir)} does not exist. Run \`npm run pipeline\` to train and export the models into artifacts/models, then build again. (Or set ${MODELS_DIR_ENV} to a folder of model folders.)`);
  }
  const ids = readdirSync(modelsDir).filter((name) => !name.startsWith('.') && statSync(join(modelsDir, name)).isDirectory());
  if (ids.length === 0) {
    throw new Error(`Fashion Lens build: the models folder ${shown(modelsDir)} holds no model folder. Run \`npm run pipeline\` to train and export the models, then build again.`);
  }
  const collected = ids.map((id) => collectOne(modelsDir, id, shown));
  const catalog = sortCatalog(collected.map((c) => c.entry));
  const files = catalog.flatMap((entry) => collected.find((c) => c.entry.id === entry.id)!.files);
  return { files, catalog };
}

/** The files to copy of every model folder (collectPackagedModels). */
export const collectModelFiles = (modelsDir: string, root = process.cwd()): PackagedFile[] => collectPackagedModels(modelsDir, root).files;

/** The popup's list as the generated file the build writes. */
export const catalogFile = (catalog: readonly ModelCatalogEntry[]) => ({ relativeDest: MODEL_CATALOG_PATH, contents: JSON.stringify(catalog) });

/** The tfjs WASM binaries from node_modules, copied to wasm/ in the build (no remote code). */
export function collectWasmFiles(root: string): PackagedFile[] {
  const dist = join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  return WASM_FILES.map((name) => {
    const absoluteSrc = join(dist, name);
    if (!existsSync(absoluteSrc)) {
      throw new Error(`Fashion Lens build: ${absoluteSrc} is missing; run \`npm install\` to restore @tensorflow/tfjs-backend-wasm.`);
    }
    return { absoluteSrc, relativeDest: `wasm/${name}` };
  });
}
