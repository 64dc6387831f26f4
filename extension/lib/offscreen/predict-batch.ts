import type { LayersModel } from '@tensorflow/tfjs';
import { predictProbabilitiesAsync, type PredictOptions } from '../../../core/predict';

/**
 * One `predict` over a batch of inputs, the way the model is meant to be run (`options`:
 * predictOptionsOf its metadata, e.g. averaged with the mirror image): each input's 10
 * probabilities, and the batch's time.
 */
export async function predictBatch(model: LayersModel, options: PredictOptions, inputs: readonly Uint8Array[]): Promise<{ probabilities: number[][]; predictMs: number }> {
  const started = performance.now();
  const probabilities = (await predictProbabilitiesAsync(model, inputs, options)).map((p) => Array.from(p));
  return { probabilities, predictMs: performance.now() - started };
}
