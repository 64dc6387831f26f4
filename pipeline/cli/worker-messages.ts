import type { PipelineArgs } from '../run-pipeline.js';

/** What cli/pipeline.ts tells the pipeline's worker process: the job, once; then, on Ctrl-C, to stop. */
export type ToWorker = { type: 'run'; args: PipelineArgs } | { type: 'stop' };

/** What the worker tells cli/pipeline.ts: that it listens (a message sent before would be lost). */
export type FromWorker = { type: 'ready' };
