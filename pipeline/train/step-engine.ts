import * as tf from '@tensorflow/tfjs-node';
import type { TrainingEngine, TrainingLoss, TrainingPrecision } from '../../core/types.js';
import { IMAGE_SIZE } from '../../core/model-contract.js';
import { batchLoss } from './batch-loss.js';
import { GraphStep } from './graph/graph-step.js';
import { trainStep } from './train-step.js';

/** Runs the training steps of one model, whichever way (fit.ts does not know which). */
export interface StepEngine {
  engine: TrainingEngine;
  precision: TrainingPrecision;
  /**
   * One optimizer step on `count` raw images [count, 28, 28, 1] and their labels. The arrays may be
   * reused once it returns (the promise may still be pending); the next step waits for this one.
   */
  step(images: Float32Array, labels: Int32Array, count: number): Promise<{ loss: number; correct: number }>;
  /** Brings the trained weights and optimizer state into the tfjs model and optimizer (before validation and checkpoints). */
  sync(): void;
  dispose(): void;
}

/** tfjs' eager ops, one at a time (trainStep): the reference, and the engine for what the graph cannot express. */
export function eagerEngine(model: tf.LayersModel, optimizer: tf.Optimizer, loss: TrainingLoss): StepEngine {
  const lossOf = batchLoss(loss, model);
  return {
    engine: 'eager',
    precision: 'fp32',
    async step(images, labels, count) {
      const x = tf.tensor4d(images, [count, IMAGE_SIZE, IMAGE_SIZE, 1]);
      const y = tf.tensor1d(labels, 'int32');
      const result = trainStep(lossOf, optimizer, x, y);
      tf.dispose([x, y]);
      return result;
    },
    sync() {},
    dispose() {},
  };
}

/** The whole step as one TensorFlow graph (graph/graph-step.ts). */
export async function graphEngine(model: tf.LayersModel, optimizer: tf.Optimizer, loss: TrainingLoss, precision: TrainingPrecision): Promise<StepEngine> {
  const graph = await GraphStep.create(model, optimizer, loss, precision);
  return {
    engine: 'graph',
    precision,
    step: (images, labels, count) => graph.run(images, labels, count),
    sync: () => graph.writeBack(),
    dispose: () => graph.dispose(),
  };
}
