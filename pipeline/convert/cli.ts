/**
 * `npm run convert`: the only file of the converter that reads argv or exits.
 * Exit codes: 0 written, 1 refused or failed (one sentence), 2 bad flags, 130 stopped by Ctrl-C (nothing written).
 */
import { UsageError } from '../cli-args.js';
import { describeFailure, exitWith } from '../describe-failure.js';
import { quietTensorflowInfoLogs } from '../native/quiet-tensorflow-logs.js';
import { requireNativeTensorflow } from '../native/require-native.js';
import { StopRequested } from '../shared/stop-requested.js';
import { CONVERT_USAGE, parseConvertArgs } from './convert-args.js';

const verbose = () => process.argv.includes('--verbose');

async function main(): Promise<number> {
  quietTensorflowInfoLogs();
  let args;
  try {
    args = parseConvertArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${CONVERT_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(CONVERT_USAGE);
    return 0;
  }
  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.error('\nStopping after this step; nothing is written. Ctrl-C again to quit now.');
  });
  try {
    await requireNativeTensorflow();
    const { runConvert } = await import('./run-convert.js');
    const { loadFashionMnist } = await import('../data/fashion-mnist.js');
    await runConvert(args, { loadData: () => loadFashionMnist({ dataDir: args.dataDir }), shouldStop: () => stopping, log: (line) => console.log(line) });
    return 0;
  } catch (error) {
    if (error instanceof StopRequested) {
      console.error(`${error.message} Nothing was written.`);
      return 130;
    }
    console.error(describeFailure(error, args.verbose));
    return 1;
  }
}

exitWith(main, verbose);
