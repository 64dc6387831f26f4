import * as tf from '@tensorflow/tfjs-node';
import { checkOutputDirs } from './shared/check-output-dirs.js';
import type { ModelContract } from '../core/model-loader.js';
import type { ModelId, ModelMetadata, Recipe, TrainingEngine, TrainingPrecision } from '../core/types.js';
import { loadFashionMnist, type FashionMnist } from './data/fashion-mnist.js';
import type { ImageSet } from './data/image-set.js';
import { computeStandardization, type Standardization } from './data/standardization.js';
import { takeFirst } from './data/take-first.js';
import { evaluateModel } from './eval/evaluate-model.js';
import { loadExportChecks, runExportChecks, type ExportChecks } from './eval/export-checks.js';
import { formatFirstPredictions } from './eval/format-first-predictions.js';
import { asFloat32, quantizeAndChoose } from './eval/quantize-and-choose.js';
import { buildMetadata, type MetadataParts } from './export/build-metadata.js';
import { exportDirOf } from './export/export-dir.js';
import { madeNow } from './export/git-commit.js';
import { writeModelFolder } from './export/model-folder-io.js';
import { countModelParams } from './models/model-summary.js';
import { modelToFiles, type LayersModelFiles } from './models/model-to-files.js';
import { writeReport } from './report/write-report.js';
import { StopRequested, stopIfAsked } from './shared/stop-requested.js';
import { registerNativeReluGradient } from './train/native-relu-gradient.js';
import { trainModel } from './train/train-model.js';
import { trainingRecord } from './train/training-record.js';
import { LENET5_RBF_PLAN, RECIPE_PLANS, type TrainingPlan } from './train/training-plans.js';

/** Everything `npm run pipeline` can be told (cli/pipeline-args.ts parses it from argv). */
export interface PipelineArgs {
  models: ModelId[];
  /** Which recipe to train: 'shop' (exported to models/, shipped) or 'seed' (the notebook's; exported to comparisons/<id>-seed/). */
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
  /** --engine: how training steps run (absent: graph, eager for what it cannot express). */
  engine?: TrainingEngine;
  /** --precision: the graph engine's compute precision (absent: bf16 where the CPU has it natively, else fp32). */
  precision?: TrainingPrecision;
  report: boolean;
  help: boolean;
  /** Print failures with their stack trace (expected failures are one sentence otherwise). */
  verbose: boolean;
}

/** Under --limit n: the first n training images, and n/10 (at least 100) validation and test images. */
function limitData(data: FashionMnist, limit: number | undefined): FashionMnist {
  if (!limit) return data;
  const small = Math.max(100, Math.floor(limit / 10));
  return { ...data, train: takeFirst(data.train, limit), validation: takeFirst(data.validation, small), test: takeFirst(data.test, small) };
}

/** What every plan of one run shares. */
interface RunContext {
  args: PipelineArgs;
  data: FashionMnist;
  standardization: Standardization;
  checks: ExportChecks;
  tensorflowVersion: string;
  shouldStop: () => boolean;
  log: (line: string) => void;
}

/**
 * The whole job behind `npm run pipeline`, and the one place that knows the order of its stages:
 * data; then for each plan: train, evaluate, quantize (if shipped), check (the robustness suite and
 * the real photos), all in memory, and write its folder once; then the report. `shouldStop`
 * (Ctrl-C) is asked after every training batch and between the steps of quantization, the checks
 * and the report; a stop returns 'stopped' with nothing half-written (every write is atomic, and
 * the step in progress is dropped).
 */
export async function runPipeline(args: PipelineArgs, tensorflowVersion: string, shouldStop: () => boolean, log: (line: string) => void): Promise<'done' | 'stopped'> {
  try {
    return await runSteps(args, tensorflowVersion, shouldStop, log);
  } catch (error) {
    if (error instanceof StopRequested) return 'stopped';
    throw error;
  }
}

async function runSteps(args: PipelineArgs, tensorflowVersion: string, shouldStop: () => boolean, log: (line: string) => void): Promise<'done' | 'stopped'> {
  const started = performance.now();
  checkOutputDirs([
    { dir: args.outDir, flag: '--out' },
    { dir: args.checkpointDir, flag: '--checkpoint-dir' },
  ]);
  registerNativeReluGradient();
  const data = limitData(await loadFashionMnist({ dataDir: args.dataDir }), args.limit);
  log(
    `Fashion-MNIST from ${data.source.dir} (${data.source.how}), loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${data.train.count} train / ${data.validation.count} validation / ${data.test.count} test`,
  );
  const context: RunContext = { args, data, standardization: computeStandardization(data.train), checks: await loadExportChecks(data.test), tensorflowVersion, shouldStop, log };
  const plans: TrainingPlan[] = [...args.models.map((id) => RECIPE_PLANS[args.recipe][id]), ...(args.rbf ? [LENET5_RBF_PLAN] : [])];
  for (const plan of plans) if ((await exportPlan(plan, context)) === 'stopped') return 'stopped';
  if (args.report) {
    stopIfAsked(shouldStop, 'the report');
    const { indexPath } = await writeReport(args.outDir, { data, log, shouldStop });
    log(`Report: ${indexPath}`);
  }
  return 'done';
}

/** One plan, stage by stage: train, evaluate, then the export stages (exportStages). */
async function exportPlan(plan: TrainingPlan, { args, data, standardization, checks, tensorflowVersion, shouldStop, log }: RunContext): Promise<'done' | 'stopped'> {
  const run = { epochs: args.epochs ?? plan.epochs, batchSize: args.batchSize ?? plan.batchSize, seed: args.seed };
  const trained = await trainModel(plan, data, standardization, { ...run, checkpointDir: args.checkpointDir, resume: args.resume, engine: { engine: args.engine, precision: args.precision }, shouldStop, log });
  if (trained === 'stopped') return 'stopped';
  const evaluation = evaluateModel(trained.model, data, plan.fixedPrediction, log);
  log(formatFirstPredictions(evaluation.probabilities, data.test.labels));
  const contract = { id: plan.id, displayName: plan.displayName, trainableParams: countModelParams(trained.model).trainable, weights: {} };
  const files = await modelToFiles(trained.model);
  trained.model.dispose();
  const training = trainingRecord(plan, { ...run, backend: tf.getBackend(), engine: trained.engine, precision: trained.precision, tensorflowVersion, trainCount: data.train.count, datasetSha256: data.sha256 }, trained.history);
  const validationAccuracy = trained.history[trained.history.length - 1]!.valAccuracy;
  const dir = exportDirOf(args.outDir, plan);
  const metadata = await exportStages(
    { name: plan.name, files, contract, evaluation, validationAccuracy, origin: { training } },
    { dir, ship: plan.shipped, checks, test: data.test, shouldStop, log },
  );
  log(`Exported ${plan.name} (${metadata.weights.dtype} weights) to ${dir}`);
  return 'done';
}

/** A model that exists (trained here, or converted from a Keras file), measured on the test set, ready for the export stages. */
export interface MeasuredModel extends Pick<MetadataParts, 'evaluation' | 'validationAccuracy' | 'origin'> {
  /** Its name in the log. */
  name: string;
  files: LayersModelFiles;
  contract: ModelContract;
  evaluation: MetadataParts['evaluation'] & { prediction: ModelMetadata['prediction'] };
}

/** Where and how a model is exported. */
export interface ExportTarget {
  dir: string;
  /** Quantize and choose the weights that ship (models/), or keep float32 (comparisons/). */
  ship: boolean;
  checks: ExportChecks;
  test: ImageSet;
  shouldStop: () => boolean;
  log: (line: string) => void;
}

/**
 * The export stages every model goes through, in order, whether trained by the pipeline or
 * converted by `npm run convert`: quantize (models that ship), the checks (the robustness suite and
 * the real photos, on the weights that ship), its metadata, and its folder, written once. Returns
 * the metadata written.
 */
export async function exportStages(model: MeasuredModel, { dir, ship, checks, test, shouldStop, log }: ExportTarget): Promise<ModelMetadata> {
  const { files, contract, evaluation, validationAccuracy, origin } = model;
  const source = { files, contract, options: evaluation.prediction, testAccuracy: evaluation.test.accuracy };
  const shipped = ship ? await quantizeAndChoose(source, test, log, shouldStop) : asFloat32(files);
  stopIfAsked(shouldStop, `the checks of ${model.name}`);
  const checked = await runExportChecks(shipped.files, contract, evaluation.prediction, checks, log);
  stopIfAsked(shouldStop, `${model.name} was written`);
  const metadata = buildMetadata({ contract, evaluation, validationAccuracy, checks: checked, origin, shipped, made: madeNow() });
  writeModelFolder(dir, { files: shipped.files, metadata });
  return metadata;
}
