import { MODEL_IDS, RECIPES, TRAINING_ENGINES, TRAINING_PRECISIONS, type ModelId, type Recipe, type TrainingEngine, type TrainingPrecision } from '../../core/types.js';
import type { PipelineArgs } from '../run-pipeline.js';
import { parseFlags, UsageError } from '../shared/parse-flags.js';
import { describePlanEpochs } from '../train/plan-epochs.js';

/** What `npm run pipeline` does when a flag is not given (the usage text reads them from here). */
export const PIPELINE_DEFAULTS = {
  models: MODEL_IDS.join(','),
  recipe: 'shop' as Recipe,
  seed: 42,
  outDir: 'artifacts',
  checkpointDir: '.cache/checkpoints',
  /** --quick: a smoke run, apart from a real run's output and checkpoints (it would discard them: same plan names). */
  quick: { limit: 500, epochs: 1, outDir: '.cache/quick', checkpointDir: '.cache/quick-checkpoints' },
};
const D = PIPELINE_DEFAULTS;

export const USAGE = `Usage: npm run pipeline -- [options]

Trains, evaluates and exports Fashion Lens' models on Fashion-MNIST with native TensorFlow,
then writes the report. With no options it does the full job: both models, real data.

Options:
  --models <ids>        Models to train, comma-separated: ${MODEL_IDS.join(', ')} (default: ${D.models})
  --recipe <name>       shop (default): the recipe the extension ships (augmented), to <out>/models/<id>/;
                        seed: the notebook's recipe exactly (no augmentation), to <out>/comparisons/<id>-seed/
  --epochs <n>          Epochs per model (default: the recipe's plan: ${describePlanEpochs()})
  --batch-size <n>      Mini-batch size (default: the recipe's plan, 32 for every model)
  --seed <n>            Seed for initial weights, shuffling and dropout (default: ${D.seed})
  --data-dir <dir>      Folder with the four Fashion-MNIST IDX files (.gz or raw)
                        (default: $FASHION_MNIST_DIR, the cache, /usr/share/datasets/fashion-mnist, download)
  --out <dir>           Output root: <dir>/models/<id>/ and <dir>/report/ (default: ${D.outDir})
  --checkpoint-dir <d>  Where per-epoch checkpoints go (default: ${D.checkpointDir}; with --quick: ${D.quick.checkpointDir})
  --resume              Continue an interrupted run from its last epoch checkpoint
  --engine <name>       graph (default): each training step is one TensorFlow graph run in one session call;
                        eager: tfjs ops one at a time (the reference; used anyway for a model the graph cannot express)
  --precision <p>       The graph engine's compute: bf16 (bfloat16 compute, float32 weights and loss, as Keras'
                        mixed_bfloat16) or fp32 (default: bf16 where the CPU has AVX512-BF16 or AMX, else fp32)
  --limit <n>           Train on the first n training images only (validation/test: n/10, min 100)
  --quick               Smoke run: --limit ${D.quick.limit} --epochs ${D.quick.epochs}, output to ${D.quick.outDir} unless --out is given
  --rbf                 Also train LeNet-5 with the paper's RBF output and Euclidean loss into
                        <out>/comparisons/lenet5-rbf/; the report compares it with the seed recipe's
                        softmax LeNet-5 (not shipped; takes as long as LeNet-5's own training)
  --no-report           Skip writing the report
  --verbose             Print a failure's stack trace (for bug reports)
  -h, --help            Show this help
`;

const FLAGS = {
  models: { type: 'string' },
  recipe: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  seed: { type: 'string' },
  'data-dir': { type: 'string' },
  out: { type: 'string' },
  'checkpoint-dir': { type: 'string' },
  resume: { type: 'boolean' },
  engine: { type: 'string' },
  precision: { type: 'string' },
  limit: { type: 'string' },
  quick: { type: 'boolean' },
  rbf: { type: 'boolean' },
  'no-report': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
} as const;

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got "${value}".`);
  return n;
}

/** The models --models names, each once; a UsageError for an unknown one. */
function modelsOf(flag: string): ModelId[] {
  const models = flag.split(',').map((m) => m.trim()).filter(Boolean);
  const unknown = models.filter((m) => !(MODEL_IDS as readonly string[]).includes(m));
  if (unknown.length || !models.length) throw new UsageError(`--models takes ${MODEL_IDS.join(', ')} (comma-separated); "${unknown.join(', ') || flag}" is not one of them.`);
  return [...new Set(models)] as ModelId[];
}

/** `value` if it is one of `choices`, undefined if absent; a UsageError naming the choices otherwise. */
function oneOf<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined || (choices as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${name} takes ${choices.join(' or ')}; "${value}" is not one of them.`);
}

/** Parses argv (without node and script). Pure: throws UsageError, never exits. */
export function parsePipelineArgs(argv: string[]): PipelineArgs {
  const v = parseFlags(argv, FLAGS).values;
  const recipe = v.recipe ?? D.recipe;
  if (!(RECIPES as readonly string[]).includes(recipe)) throw new UsageError(`--recipe takes ${RECIPES.join(' or ')}; "${recipe}" is not one of them.`);
  const seed = v.seed === undefined ? D.seed : Number(v.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0, got "${v.seed}".`);
  const quick = v.quick ? D.quick : undefined;
  return {
    models: modelsOf(v.models ?? D.models),
    recipe: recipe as Recipe,
    epochs: positiveInt('epochs', v.epochs) ?? quick?.epochs,
    batchSize: positiveInt('batch-size', v['batch-size']),
    dataDir: v['data-dir'],
    outDir: v.out ?? quick?.outDir ?? D.outDir,
    checkpointDir: v['checkpoint-dir'] ?? quick?.checkpointDir ?? D.checkpointDir,
    seed,
    limit: positiveInt('limit', v.limit) ?? quick?.limit,
    resume: v.resume ?? false,
    rbf: v.rbf ?? false,
    engine: oneOf<TrainingEngine>('engine', v.engine, TRAINING_ENGINES),
    precision: oneOf<TrainingPrecision>('precision', v.precision, TRAINING_PRECISIONS),
    report: !v['no-report'],
    help: v.help ?? false,
    verbose: v.verbose ?? false,
  };
}
