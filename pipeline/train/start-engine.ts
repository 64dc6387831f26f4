import * as tf from '@tensorflow/tfjs-node';
import type { TrainingEngine, TrainingLoss, TrainingPrecision } from '../../core/types.js';
import { GraphAddonMissingError } from '../native/graph-addon.js';
import { UserError } from '../shared/user-error.js';
import { defaultPrecision } from './graph/precision.js';
import { GraphUnsupportedError } from './graph/model-graph.js';
import { eagerEngine, graphEngine, type StepEngine } from './step-engine.js';

/** What the command line asked for; absent: the defaults (graph, and bf16 where the CPU has it). */
export interface EngineRequest {
  engine?: TrainingEngine;
  precision?: TrainingPrecision;
}

/**
 * The step engine for one model, as asked, and one log line saying which and why. With no
 * --engine, a model the graph engine cannot express (or a missing addon) trains eagerly, said in
 * the log; asked for by name, the graph engine refuses instead.
 */
export async function startEngine(request: EngineRequest, model: tf.LayersModel, optimizer: tf.Optimizer, loss: TrainingLoss, log: (line: string) => void): Promise<StepEngine> {
  if (request.engine === 'eager') {
    if (request.precision === 'bf16') throw new UserError('usage', '--precision bf16 needs the graph engine; drop --engine eager or use --precision fp32.');
    log('Engine: eager (tfjs ops one at a time), fp32 (asked for by --engine eager)');
    return eagerEngine(model, optimizer, loss);
  }
  const chosen = request.precision ? { precision: request.precision, why: 'asked for by --precision' } : defaultPrecision();
  try {
    const engine = await graphEngine(model, optimizer, loss, chosen.precision);
    const what = chosen.precision === 'bf16' ? 'bf16 (bfloat16 compute, float32 weights and loss)' : 'fp32';
    log(`Engine: graph (one TensorFlow session call per step), ${what}: ${chosen.why}`);
    return engine;
  } catch (error) {
    if (request.engine === 'graph' || !(error instanceof GraphUnsupportedError || error instanceof GraphAddonMissingError)) throw error;
    log(`Engine: eager, fp32 (${error.message})`);
    return eagerEngine(model, optimizer, loss);
  }
}
