import { buildTaskQueue, type TaskQueue } from './task-queue';

/** Runs tasks one at a time, in the order they were queued. */
export type SerialQueue = TaskQueue;

/** Builds a one-slot queue: the result store's read-modify-writes never interleave. */
export function buildSerialQueue(): SerialQueue {
  return buildTaskQueue(1);
}
