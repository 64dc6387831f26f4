import * as tf from '@tensorflow/tfjs-node';
import type { io } from '@tensorflow/tfjs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layersModelFileContents, modelToFiles } from '../models/model-to-files.js';
import { writeDirAtomically } from '../shared/write-dir-atomically.js';
import { CheckpointError, damagedCheckpoint } from './checkpoint-error.js';
import type { TrainingCallback } from './training-callback.js';
import type { EpochLog } from '../../core/types.js';
import { MODEL_FILE } from '../../core/model-folder.js';

/** What a run must match to be resumed from a checkpoint. */
export interface RunIdentity {
  /** The training plan's name (cnn, lenet5, lenet5-rbf): each has its own checkpoint folder. */
  planName: string;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Training images used (differs under --limit/--quick). */
  trainCount: number;
}

interface CheckpointState {
  identity: RunIdentity;
  history: EpochLog[];
  optimizerSpecs: io.WeightsManifestEntry[];
  savedAt: string;
}

/**
 * Writes weights, optimizer state (m, v, iterations, schedule) and the epoch history after an
 * epoch. The next epoch's shuffling is derived from (seed, epoch), so this is the whole state.
 * Written as one atomic folder write (writeDirAtomically): a crash or a full disk keeps the
 * previous checkpoint, leaves no temporary folder, and a file-system error names its path.
 */
export async function saveCheckpoint(dir: string, identity: RunIdentity, model: tf.LayersModel, optimizer: tf.Optimizer, history: EpochLog[]): Promise<void> {
  const modelFiles = layersModelFileContents(await modelToFiles(model));
  const optimizerWeights = await optimizer.getWeights();
  const { data, specs } = await tf.io.encodeWeights(optimizerWeights);
  // getWeights hands out fresh scalars (iterations, schedule) beside the optimizer's own slot
  // variables: dispose the former, or every checkpoint leaks them.
  tf.dispose(optimizerWeights.map((w) => w.tensor).filter((t) => !(t instanceof tf.Variable)));
  const state: CheckpointState = { identity, history, optimizerSpecs: specs, savedAt: new Date().toISOString() };
  writeDirAtomically(dir, {
    ...Object.fromEntries(Object.entries(modelFiles).map(([name, content]) => [`model/${name}`, content])),
    'optimizer.bin': new Uint8Array(data),
    'state.json': JSON.stringify(state, null, 2),
  });
}

/**
 * Restores a checkpoint into a freshly built `model` and `optimizer`. Returns the history, or
 * undefined when there is none. Throws a CheckpointError naming the file and what to do when the
 * checkpoint belongs to a different run or is damaged (truncated state.json, a missing file).
 */
export async function loadCheckpoint(dir: string, identity: RunIdentity, model: tf.LayersModel, optimizer: tf.Optimizer): Promise<EpochLog[] | undefined> {
  const statePath = join(dir, 'state.json');
  if (!existsSync(statePath)) return undefined;
  const state = readState(dir, statePath);
  const mismatch = (Object.keys(identity) as (keyof RunIdentity)[]).filter((k) => state.identity[k] !== identity[k]);
  if (mismatch.length) {
    throw new CheckpointError(
      `The checkpoint in ${dir} is from a different run (${mismatch.map((k) => `${k}: ${state.identity[k]} there, ${identity[k]} now`).join('; ')}). ` +
        `Run with the same flags, or without --resume to start over (that replaces the checkpoint).`,
    );
  }
  const modelDir = join(dir, 'model');
  let saved: tf.LayersModel;
  try {
    saved = await tf.loadLayersModel(`file://${join(modelDir, MODEL_FILE)}`);
  } catch (error) {
    throw damagedCheckpoint(dir, `the saved model in ${modelDir} could not be read (${reasonOf(error)})`, error);
  }
  try {
    const weights = saved.getWeights();
    const broken = firstNotFinite(weights.map((tensor, i) => ({ name: saved.weights[i]!.name, tensor })));
    if (broken) throw damagedCheckpoint(dir, `the saved weights in ${modelDir} are not numbers (${broken} holds NaN or infinite values)`);
    model.setWeights(weights);
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw damagedCheckpoint(dir, `the saved model in ${modelDir} does not fit this model (${reasonOf(error)})`, error);
  } finally {
    saved.dispose();
  }
  const binPath = join(dir, 'optimizer.bin');
  if (!existsSync(binPath)) throw damagedCheckpoint(dir, `${binPath} is missing`);
  try {
    const bin = readFileSync(binPath);
    const map = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), state.optimizerSpecs);
    const weights = state.optimizerSpecs.map((s) => ({ name: s.name, tensor: map[s.name]! }));
    const broken = firstNotFinite(weights);
    if (broken) throw damagedCheckpoint(dir, `the optimizer state in ${binPath} is not numbers (${broken} holds NaN or infinite values)`);
    await optimizer.setWeights(weights);
  } catch (error) {
    if (error instanceof CheckpointError) throw error;
    throw damagedCheckpoint(dir, `${binPath} could not be restored (${reasonOf(error)})`, error);
  }
  return state.history;
}

/**
 * The name of the first weight holding NaN or an infinity, if any: training diverged before the
 * checkpoint was saved, or its bytes were damaged. Resuming from it used to fail only at export,
 * with "Cannot store the weight value NaN as float16", after the whole run.
 */
function firstNotFinite(weights: { name: string; tensor: tf.Tensor }[]): string | undefined {
  return weights.find(({ tensor }) => tensor.dataSync().some((x) => !Number.isFinite(x)))?.name;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

/** state.json, parsed and checked for the fields resuming needs. */
function readState(dir: string, statePath: string): CheckpointState {
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(statePath, 'utf8'));
  } catch (error) {
    throw damagedCheckpoint(dir, `${statePath} is not valid JSON (${reasonOf(error)})`, error);
  }
  const s = state as Partial<CheckpointState> | null;
  if (typeof s?.identity !== 'object' || s.identity === null) throw damagedCheckpoint(dir, `${statePath} does not say which run it belongs to (no "identity")`);
  if (!Array.isArray(s.history) || !Array.isArray(s.optimizerSpecs)) throw damagedCheckpoint(dir, `${statePath} lacks the epoch history or the optimizer's weight list`);
  return s as CheckpointState;
}

/** The callback that writes a checkpoint after every epoch (saveCheckpoint). */
export function checkpointCallback(dir: string, identity: RunIdentity, model: tf.LayersModel, optimizer: tf.Optimizer): TrainingCallback {
  return { onEpochEnd: (_log, history) => saveCheckpoint(dir, identity, model, optimizer, history) };
}
