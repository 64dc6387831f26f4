import { checkOutputDirs } from './check-output-dirs.js';
import type { PipelineArgs } from './cli-args.js';
import { loadFashionMnist, type FashionMnist } from './data/fashion-mnist.js';
import { computeStandardization } from './data/standardization.js';
import { takeFirst } from './data/take-first.js';
import { quantizeAndChoose } from './export/quantize-and-choose.js';
import { writeReport } from './report/write-report.js';
import { StopRequested, stopIfAsked } from './stop-requested.js';
import { registerNativeReluGradient } from './train/native-relu-gradient.js';
import { loadShopChecks, withShopChecks } from './eval/shop-checks.js';
import { exportDirOf } from './export/export-dir.js';
import { writeModelFolder } from './export/model-folder-io.js';
import { trainModel } from './train/train-model.js';
import { LENET5_RBF_PLAN, RECIPE_PLANS, type TrainingPlan } from './train/training-plans.js';

/** Under --limit n: the first n training images, and n/10 (at least 100) validation and test images. */
function limitData(data: FashionMnist, limit: number | undefined): FashionMnist {
  if (!limit) return data;
  const small = Math.max(100, Math.floor(limit / 10));
  return { ...data, train: takeFirst(data.train, limit), validation: takeFirst(data.validation, small), test: takeFirst(data.test, small) };
}

/**
 * The whole job behind `npm run pipeline`: data, then for each model: train and evaluate, quantize
 * (if shipped), run the shop checks, all in memory, and write its folder once; then the report.
 * `shouldStop` (Ctrl-C) is asked after every training batch and between the steps of
 * quantization, the checks and the report; a stop returns 'stopped' with nothing half-written
 * (every write is atomic, and the step in progress is dropped).
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
  const standardization = computeStandardization(data.train);
  const checks = await loadShopChecks(data.test);
  const plans: TrainingPlan[] = [...args.models.map((id) => RECIPE_PLANS[args.recipe][id]), ...(args.rbf ? [LENET5_RBF_PLAN] : [])];
  for (const plan of plans) {
    const trained = await trainModel(plan, data, standardization, {
      epochs: args.epochs ?? plan.epochs,
      batchSize: args.batchSize ?? plan.batchSize,
      seed: args.seed,
      checkpointDir: args.checkpointDir,
      resume: args.resume,
      tensorflowVersion,
      shouldStop,
      log,
    });
    if (trained === 'stopped') return 'stopped';
    const shipped = plan.shipped ? (await quantizeAndChoose(trained, data.test, log, shouldStop)).folder : trained;
    stopIfAsked(shouldStop, `the checks of ${plan.name}`);
    const checked = await withShopChecks(shipped, checks, log);
    stopIfAsked(shouldStop, `${plan.name} was written`);
    const dir = exportDirOf(args.outDir, plan);
    writeModelFolder(dir, checked);
    log(`Exported ${plan.name} (${checked.metadata.weights.dtype} weights) to ${dir}`);
  }
  if (args.report) {
    stopIfAsked(shouldStop, 'the report');
    const { indexPath } = await writeReport(args.outDir, { data, log, shouldStop });
    log(`Report: ${indexPath}`);
  }
  return 'done';
}
