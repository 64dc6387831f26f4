/**
 * `npm run pipeline`: the only file of the pipeline that reads argv; it and its worker process
 * (pipeline-worker.ts, which does the job) are the only ones that exit.
 * Exit codes: 0 done, 1 failed, 2 bad flags, 130 stopped by Ctrl-C (within 2 s, nothing partial written).
 */
import { quietTensorflowInfoLogs } from './native/quiet-tensorflow-logs.js';
import { parsePipelineArgs, UsageError, USAGE } from './cli-args.js';
import { exitWith } from './describe-failure.js';
import { runInWorker } from './run-in-worker.js';

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
  // The job runs in a worker process, so that this one hears Ctrl-C at once (run-in-worker.ts).
  return runInWorker(args, (line) => console.error(line));
}

exitWith(main, verbose);
