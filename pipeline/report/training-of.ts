import type { ModelMetadata, TrainingRecord } from '../../core/types.js';

/**
 * The training record of an export the pipeline trained. Only for the report's parts that hold
 * pipeline-trained architectures alone (the recipe pairs, LeNet-5's output comparison): a model
 * converted from Keras has a source instead, never the id 'cnn' or 'lenet5' (`npm run convert`
 * refuses them), and getting one here is a bug, said with the model's id.
 */
export function trainingOf(m: Pick<ModelMetadata, 'id' | 'training'>): TrainingRecord {
  if (!m.training) throw new Error(`The export ${m.id} has no training record (it was converted from Keras), but this part of the report compares trained models only.`);
  return m.training;
}
