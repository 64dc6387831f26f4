import { existsSync, readFileSync, statSync } from 'node:fs';
import type { KerasInput } from '../core/types.js';
import { dirname, join } from 'node:path';
import { checkOutputDirs } from './shared/check-output-dirs.js';
import type { FashionMnist } from './data/fashion-mnist.js';
import { computeStandardization } from './data/standardization.js';
import { loadExportChecks } from './eval/export-checks.js';
import { exportStages } from './run-pipeline.js';
import { stopIfAsked } from './shared/stop-requested.js';
import { convertKerasFile } from './convert/convert-keras-file.js';
import { measureConverted } from './convert/measure-converted.js';
import { KerasFileError } from './convert/keras-file-error.js';

/** Everything `npm run convert` can be told (cli/convert-args.ts parses it from argv). */
export interface ConvertArgs {
  /** The Keras file: model.keras or model.h5. */
  file: string;
  /** The model's id (its folder's name): --id, else made from the file's name. */
  id: string;
  /** The name the popup and the report show: --name, else "<file> (Keras)". */
  displayName: string;
  /** What the Keras model expects as input (default: seed). */
  input: KerasInput;
  /** Write to <out>/models/<id>/ (the extension ships it) instead of <out>/comparisons/<id>/. */
  ship: boolean;
  /** Replace an existing folder of that id. */
  force: boolean;
  outDir: string;
  dataDir?: string;
  help: boolean;
  verbose: boolean;
}

/** What runConvert needs from outside: the data, stopping (Ctrl-C) and the log. */
export interface ConvertDeps {
  loadData: () => Promise<FashionMnist>;
  shouldStop?: () => boolean;
  log: (line: string) => void;
}

/** The folder `args` write to: <out>/models/<id> with --ship, else <out>/comparisons/<id>. */
export const convertedDirOf = (args: Pick<ConvertArgs, 'outDir' | 'ship' | 'id'>) => join(args.outDir, args.ship ? 'models' : 'comparisons', args.id);

/** The Keras file's bytes, or a sentence when there is none to read. */
function readKerasBytes(file: string): Uint8Array {
  if (!existsSync(file)) throw new KerasFileError(`${file} does not exist. Give the path of the .keras or .h5 file Keras saved.`);
  if (statSync(file).isDirectory()) throw new KerasFileError(`${file} is a folder, not a Keras file (a TensorFlow SavedModel folder is not read). Save the model with model.save("model.keras") and convert that file.`);
  return new Uint8Array(readFileSync(file));
}

/**
 * The whole job behind `npm run convert`: check the target folder is free (unless --force),
 * convert the Keras file (every check of the file), check the folder can be written, measure it as
 * a trained model is measured (measureConverted), then the pipeline's own export stages
 * (exportStages: quantized as a shipped model with --ship, the robustness suite and the real shop
 * photos, its folder written once, atomically). Every refusal comes before anything is written.
 * Returns the folder written.
 */
export async function runConvert(args: ConvertArgs, deps: ConvertDeps): Promise<string> {
  const { log, shouldStop } = deps;
  const dir = convertedDirOf(args);
  if (existsSync(dir) && !args.force) {
    throw new KerasFileError(`${dir} already exists. Pass --force to replace it, or give the converted model another --id.`);
  }
  const bytes = readKerasBytes(args.file);
  const data = await deps.loadData();
  const started = performance.now();
  const converted = await convertKerasFile(bytes, args.file, args.input, () => computeStandardization(data.train));
  try {
    checkOutputDirs([{ dir: dirname(dir), flag: '--out' }], 'Nothing was converted.');
  } catch (error) {
    converted.model.dispose();
    throw error;
  }
  converted.notes.forEach((note) => log(note));
  log(`Converted in ${((performance.now() - started) / 1000).toFixed(2)} s; measuring it as a trained model is measured...`);
  stopIfAsked(shouldStop, `${args.id} was measured`);
  const measured = await measureConverted(converted, data, args, log);
  const metadata = await exportStages(
    { ...measured, name: args.id, origin: { source: converted.source } },
    { dir, ship: args.ship, checks: await loadExportChecks(data.test), test: data.test, shouldStop: shouldStop ?? (() => false), log },
  );
  log(`Wrote ${args.displayName} (${metadata.weights.dtype} weights) to ${dir}${args.ship ? '; `npm run build` packages it.' : '; `npm run report` shows it.'}`);
  return dir;
}
