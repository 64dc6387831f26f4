/**
 * The worker process of `npm run pipeline`: cli/pipeline.ts starts it (runInWorker) and it does the whole
 * job, so that the CLI's own event loop stays free to hear Ctrl-C while tfjs-node's synchronous
 * work holds this one. It says 'ready', runs the one job it is sent and exits
 * with the CLI's codes (0 done, 1 failed, 130 stopped). A 'stop' (or the terminal's own SIGINT,
 * which reaches the whole process group) is read between training batches and between steps; when
 * a step takes longer than the CLI's grace period, the CLI kills this process and tidies up.
 */
import { describeFailure, exitWith } from './describe-failure.js';
import type { PipelineArgs } from '../run-pipeline.js';
import { requireNativeTensorflow } from '../native/require-native.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

let stopping = false;
const stop = () => {
  stopping = true;
};
// Never die of a SIGINT: the CLI decides (a second Ctrl-C makes it kill this process).
process.on('SIGINT', stop);
// The CLI is gone: stop at the next chance rather than train on unwatched.
process.on('disconnect', stop);
process.on('message', (message: ToWorker) => {
  if (message.type === 'stop') stop();
  else exitWith(() => run(message.args), () => message.args.verbose);
});
process.send?.({ type: 'ready' } satisfies FromWorker);

async function run(args: PipelineArgs): Promise<number> {
  try {
    const tensorflowVersion = await requireNativeTensorflow();
    const { runPipeline } = await import('../run-pipeline.js');
    const outcome = await runPipeline(args, tensorflowVersion, () => stopping, (line) => console.log(line));
    return outcome === 'stopped' ? 130 : 0;
  } catch (error) {
    console.error(describeFailure(error, args.verbose));
    return 1;
  }
}
