import { basename, extname } from 'node:path';
import { KERAS_INPUTS, MODEL_ID_PATTERN, MODEL_IDS, type KerasInput } from '../../core/types.js';
import type { ConvertArgs } from '../run-convert.js';
import { parseFlags, UsageError } from '../shared/parse-flags.js';
import { PIPELINE_DEFAULTS } from './pipeline-args.js';

export const CONVERT_USAGE = `Usage: npm run convert -- <model.keras | model.h5> [options]

Converts a Keras model (the .keras zip or the legacy HDF5 .h5 that Keras' model.save() writes)
into a Fashion Lens model folder, checked like a trained one: test set, robustness suite, real
shop photos, mirror averaging chosen on the validation images (and, with --ship, the weight
quantization). No Python is needed. The model must take one 28x28x1 image and output the 10
Fashion-MNIST classes, and be built from InputLayer, Conv2D, MaxPooling2D, AveragePooling2D,
GlobalAveragePooling2D, Flatten, Reshape, Dense, Dropout, BatchNormalization, Activation,
ReLU, LeakyReLU, Rescaling and Normalization (Sequential or functional).

Options:
  --id <id>            The model's id and folder name: lower-case letters, digits, dashes
                       (default: made from the file's name)
  --name <text>        The name shown in the popup and the report (default: "<file> (Keras)")
  --input <how>        What the Keras model was trained on: seed (default; the seed notebook's
                       per-pixel standardization over the 55,000 training images), unit (x/255)
                       or raw (0-255). It is baked into the converted model.
  --ship               Write to <out>/models/<id>/ (the extension packages it; quantized as the
                       pipeline does); without it: <out>/comparisons/<id>/ (for the report)
  --force              Replace an existing model folder of that id
  --out <dir>          Output root (default: ${PIPELINE_DEFAULTS.outDir})
  --data-dir <dir>     Folder with the four Fashion-MNIST IDX files (as for npm run pipeline)
  --verbose            Print a failure's stack trace (for bug reports)
  -h, --help           Show this help
`;

/** An id made from a file name: "My Model_v2.keras" -> "my-model-v2". Empty when nothing usable is left. Pure. */
export function idFromFileName(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

const FLAGS = {
  id: { type: 'string' },
  name: { type: 'string' },
  input: { type: 'string' },
  ship: { type: 'boolean' },
  force: { type: 'boolean' },
  out: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
} as const;

/** Parses argv (without node and script). Pure: throws UsageError, never exits. */
export function parseConvertArgs(argv: string[]): ConvertArgs {
  const parsed = parseFlags(argv, FLAGS, Infinity);
  const v = parsed.values;
  const help = v.help ?? false;
  const [file, ...extra] = parsed.positionals;
  if (extra.length) throw new UsageError(`Give one Keras file to convert; got ${parsed.positionals.length}: ${parsed.positionals.join(', ')}.`);
  if (!file && !help) throw new UsageError('Give the Keras file to convert, e.g. `npm run convert -- model.keras`.');
  const input = v.input ?? 'seed';
  if (!(KERAS_INPUTS as readonly string[]).includes(input)) throw new UsageError(`--input takes ${KERAS_INPUTS.join(', ')}; "${input}" is not one of them.`);
  const id = v.id ?? idFromFileName(file ?? '');
  if (!help && !MODEL_ID_PATTERN.test(id)) {
    throw new UsageError(
      v.id === undefined
        ? `No model id can be made from the file name "${basename(file!)}"; give one with --id (lower-case letters, digits and dashes).`
        : `--id must be lower-case letters, digits and dashes (at most 40, not starting with a dash); "${id}" is not.`,
    );
  }
  if ((MODEL_IDS as readonly string[]).includes(id)) {
    throw new UsageError(`--id ${id} is the id of a model the pipeline trains (${MODEL_IDS.join(', ')}); give the converted model its own id, e.g. --id keras-${id}.`);
  }
  const name = v.name?.trim();
  if (v.name !== undefined && !name) throw new UsageError('--name must not be empty.');
  return {
    file: file ?? '',
    id,
    displayName: name ?? `${basename(file ?? '')} (Keras)`,
    input: input as KerasInput,
    ship: v.ship ?? false,
    force: v.force ?? false,
    outDir: v.out ?? PIPELINE_DEFAULTS.outDir,
    dataDir: v['data-dir'],
    help,
    verbose: v.verbose ?? false,
  };
}
