/**
 * `npm run pipeline`: trains, evaluates and exports the models, then writes the report. The job
 * runs in a worker process (pipeline-worker.ts) so that this one hears Ctrl-C at once.
 * Exit codes: 0 done, 1 failed, 2 bad flags, 130 stopped by Ctrl-C (within 2 s, nothing partial written).
 */
import { parsePipelineArgs, USAGE } from './pipeline-args.js';
import { runInWorker } from './run-in-worker.js';
import { startCommand } from './start-command.js';

startCommand({ usage: USAGE, parse: parsePipelineArgs, run: (args) => runInWorker(args, (line) => console.error(line)) });
