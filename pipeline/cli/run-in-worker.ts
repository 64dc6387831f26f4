import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PipelineArgs } from '../run-pipeline.js';
import { datasetCacheDir } from '../data/dataset-locations.js';
import { cleanLeftovers } from '../shared/leftovers.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** How long a step may take to notice a stop before the worker is killed: the promise to the user is 2 s, and a killed worker takes up to ~0.3 s more to end on a loaded machine (measured, load 11 on 2 cores). */
export const STOP_GRACE_MS = 400;

/** What the first Ctrl-C prints. */
export const STOPPING =
  '\nStopping after this batch, or dropping the step in progress (within 2 s); nothing half-written is left. ' +
  'The last epoch checkpoint stays: run again with --resume to continue. Ctrl-C again to quit now.';

const WORKER = fileURLToPath(new URL('./pipeline-worker.ts', import.meta.url));

/**
 * Runs the pipeline in a worker process (pipeline-worker.ts) and returns the exit code. tfjs-node's
 * work is synchronous for seconds at a time (evaluation, quantization, the checks), so a Ctrl-C
 * heard by the process doing it was acted on only when that work let the event loop turn; this process does nothing but wait, so it hears Ctrl-C at once. The first asks the
 * worker to stop (after its training batch, or between steps) and kills it if it has not within
 * STOP_GRACE_MS; a second kills it at once. A killed worker leaves nothing half-written where it
 * matters: every folder is written aside and renamed into place, and cleanLeftovers puts back or
 * removes what the write in progress left (and the last epoch checkpoint stays for --resume).
 * Exit codes: the worker's (0 done, 1 failed, 130 stopped); 130 when it was killed on Ctrl-C.
 */
export function runInWorker(args: PipelineArgs, warn: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const worker = fork(WORKER, [], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    const ctrlC = stopOnCtrlC(worker, warn);
    worker.on('message', (message: FromWorker) => {
      if (message.type !== 'ready') return;
      sendTo(worker, { type: 'run', args });
      ctrlC.ready();
    });
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      ctrlC.dispose();
      if (worker.pid !== undefined) for (const problem of cleanLeftovers([args.outDir, args.checkpointDir, datasetCacheDir()], worker.pid)) warn(problem);
      resolve(code);
    };
    // A worker that never started sends no 'exit'.
    worker.on('error', (error) => {
      if (worker.pid !== undefined) return;
      warn(`Could not start the pipeline's worker process (${error.message}).`);
      finish(1);
    });
    worker.on('exit', (code, signal) => {
      // Killed on Ctrl-C; or the terminal's SIGINT reached it (the whole process group gets one)
      // before it had started listening, when it had written nothing yet.
      if (ctrlC.killed() || signal === 'SIGINT') return finish(130);
      if (signal) warn(`The pipeline's worker process was ended by ${signal} (out of memory, or killed from outside); its partial output was removed. Run again, with --resume to continue from the last epoch checkpoint.`);
      finish(code ?? 1);
    });
  });
}

/** Sends `message` to a worker that still listens (one that is exiting needs no message). */
function sendTo(worker: ChildProcess, message: ToWorker): void {
  if (worker.connected) worker.send(message, () => {});
}

/**
 * Ctrl-C for a worker: the first asks it to stop (at once when it is ready, else as soon as it is)
 * and kills it if it has not ended within STOP_GRACE_MS; a second kills it at once.
 */
function stopOnCtrlC(worker: ChildProcess, warn: (line: string) => void): { ready: () => void; killed: () => boolean; dispose: () => void } {
  let ready = false;
  let stopAsked = false;
  let killed = false;
  let grace: NodeJS.Timeout | undefined;
  const kill = () => {
    killed = true;
    worker.kill('SIGKILL');
  };
  const onSigint = () => {
    if (stopAsked) return kill();
    stopAsked = true;
    warn(STOPPING);
    if (ready) sendTo(worker, { type: 'stop' });
    grace = setTimeout(kill, STOP_GRACE_MS);
  };
  process.on('SIGINT', onSigint);
  return {
    ready: () => {
      ready = true;
      if (stopAsked) sendTo(worker, { type: 'stop' });
    },
    killed: () => killed,
    dispose: () => {
      clearTimeout(grace);
      process.off('SIGINT', onSigint);
    },
  };
}
