/**
 * `npm run pipeline`: the only file of the pipeline that reads argv or exits.
 * Exit codes: 0 done, 1 failed, 2 bad flags, 130 stopped by Ctrl-C (nothing partial written).
 */
import { quietTensorflowInfoLogs } from './native/quiet-tensorflow-logs.js';
import { parsePipelineArgs, UsageError, USAGE } from './cli-args.js';
import { describeFailure, exitWith } from './describe-failure.js';
import { requireNativeTensorflow } from './native/require-native.js';

/** --verbose: failures are printed with their stack trace. */
const verbose = () => process.argv.includes('--verbose');

async function main(): Promise<number> {
  quietTensorflowInfoLogs();
  let args;
  try {
    args = parsePipelineArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.error('\nStopping after this batch (or this step of quantization, the checks or the report); nothing half-written is left. The last epoch checkpoint stays: run again with --resume to continue. Ctrl-C again to quit now.');
  });
  try {
    const tensorflowVersion = await requireNativeTensorflow();
    const { runPipeline } = await import('./run-pipeline.js');
    const outcome = await runPipeline(args, tensorflowVersion, () => stopping, (line) => console.log(line));
    return outcome === 'stopped' ? 130 : 0;
  } catch (error) {
    console.error(describeFailure(error, args.verbose));
    return 1;
  }
}

exitWith(main, verbose);
