import { parseArgs } from 'node:util';
import { MODEL_IDS, RECIPES, type ModelId, type Recipe } from '../core/types.js';
import { describePlanEpochs } from './train/plan-epochs.js';

/** Everything `npm run pipeline` can be told. */
export interface PipelineArgs {
  models: ModelId[];
  /** Which recipe to train: 'shop' (default; exported to models/, shipped) or 'seed' (the notebook's; exported to comparisons/<id>-seed/). */
  recipe: Recipe;
  /** Overrides each model's planned epochs. */
  epochs?: number;
  /** Overrides each model's planned batch size. */
  batchSize?: number;
  dataDir?: string;
  outDir: string;
  checkpointDir: string;
  seed: number;
  /** Use only the first N training images (validation and test scale down with it). */
  limit?: number;
  resume: boolean;
  /** Also train LeNet-5 with the paper's RBF output, for the report's comparison (not shipped). */
  rbf: boolean;
  report: boolean;
  help: boolean;
  /** Print failures with their stack trace (expected failures are one sentence otherwise). */
  verbose: boolean;
}

/** A bad command line; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run pipeline -- [options]

Trains, evaluates and exports Fashion Lens' models on Fashion-MNIST with native TensorFlow,
then writes the report. With no options it does the full job: both models, real data.

Options:
  --models <ids>        Models to train, comma-separated: cnn, lenet5 (default: cnn,lenet5)
  --recipe <name>       shop (default): the recipe the extension ships (augmented), to <out>/models/<id>/;
                        seed: the notebook's recipe exactly (no augmentation), to <out>/comparisons/<id>-seed/
  --epochs <n>          Epochs per model (default: the recipe's plan: ${describePlanEpochs()})
  --batch-size <n>      Mini-batch size (default: 32)
  --seed <n>            Seed for initial weights, shuffling and dropout (default: 42)
  --data-dir <dir>      Folder with the four Fashion-MNIST IDX files (.gz or raw)
                        (default: $FASHION_MNIST_DIR, the cache, /usr/share/datasets/fashion-mnist, download)
  --out <dir>           Output root: <dir>/models/<id>/ and <dir>/report/ (default: artifacts)
  --checkpoint-dir <d>  Where per-epoch checkpoints go (default: .cache/checkpoints; with --quick: .cache/quick-checkpoints)
  --resume              Continue an interrupted run from its last epoch checkpoint
  --limit <n>           Train on the first n training images only (validation/test: n/10, min 100)
  --quick               Smoke run: --limit 500 --epochs 1, output to .cache/quick unless --out is given
  --rbf                 Also train LeNet-5 with the paper's RBF output and Euclidean loss into
                        <out>/comparisons/lenet5-rbf/; the report compares it with the softmax
                        LeNet-5 (not shipped; takes as long as LeNet-5's own training)
  --no-report           Skip writing the report
  --verbose             Print a failure's stack trace (for bug reports)
  -h, --help            Show this help
`;

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got "${value}".`);
  return n;
}

/** Parses argv (without node and script). Pure: throws UsageError, never exits. */
export function parsePipelineArgs(argv: string[]): PipelineArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        models: { type: 'string' },
        recipe: { type: 'string' },
        epochs: { type: 'string' },
        'batch-size': { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        'checkpoint-dir': { type: 'string' },
        resume: { type: 'boolean', default: false },
        limit: { type: 'string' },
        quick: { type: 'boolean', default: false },
        rbf: { type: 'boolean', default: false },
        'no-report': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        verbose: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
  const v = parsed.values;
  const models = (v.models ?? MODEL_IDS.join(','))
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const unknown = models.filter((m) => !(MODEL_IDS as readonly string[]).includes(m));
  if (unknown.length || !models.length) throw new UsageError(`--models takes ${MODEL_IDS.join(', ')} (comma-separated); "${unknown.join(', ') || v.models}" is not one of them.`);
  const recipe = v.recipe ?? 'shop';
  if (!(RECIPES as readonly string[]).includes(recipe)) throw new UsageError(`--recipe takes ${RECIPES.join(' or ')}; "${recipe}" is not one of them.`);
  const seed = v.seed === undefined ? 42 : Number(v.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0, got "${v.seed}".`);
  const limit = positiveInt('limit', v.limit) ?? (v.quick ? 500 : undefined);
  return {
    models: [...new Set(models)] as ModelId[],
    recipe: recipe as Recipe,
    epochs: positiveInt('epochs', v.epochs) ?? (v.quick ? 1 : undefined),
    batchSize: positiveInt('batch-size', v['batch-size']),
    dataDir: v['data-dir'],
    outDir: v.out ?? (v.quick ? '.cache/quick' : 'artifacts'),
    // A smoke run never touches a real run's checkpoints (it would discard them: same plan names).
    checkpointDir: v['checkpoint-dir'] ?? (v.quick ? '.cache/quick-checkpoints' : '.cache/checkpoints'),
    seed,
    limit,
    resume: v.resume ?? false,
    rbf: v.rbf ?? false,
    report: !v['no-report'],
    help: v.help ?? false,
    verbose: v.verbose ?? false,
  };
}
