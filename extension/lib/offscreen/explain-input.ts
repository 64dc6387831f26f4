import { explainAsync } from '../../../core/explain/explain';
import type { LoadedFashionModel } from '../../../core/model-loader';
import { predictOptionsOf } from '../../../core/predict';

/**
 * core's explanation of one 28x28 input for one class, with the model as it is run (mirror
 * averaging where its metadata says so) and the method core ships: the map Node computes for the
 * same input and model. Timed.
 */
export async function explainInput({ model, metadata }: LoadedFashionModel, input: readonly number[], classIndex: number): Promise<{ map: number[]; explainMs: number }> {
  const started = performance.now();
  const { map } = await explainAsync(model, Uint8Array.from(input), { ...predictOptionsOf(metadata), classIndex });
  return { map: Array.from(map), explainMs: performance.now() - started };
}
