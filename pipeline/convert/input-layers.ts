import type * as tf from '@tensorflow/tfjs-node';
import { standardize } from '../../core/layers/standardize.js';
import { IMAGE_PIXELS } from '../../core/model-contract.js';
import type { KerasInput } from '../../core/types.js';
import type { Standardization } from '../data/standardization.js';

/**
 * The layers that turn 0..255 pixels into what the Keras model was trained on, with core's
 * Standardize layer (as the pipeline bakes its own): `seed`, the notebook's per-pixel
 * standardization over the 55,000 training images; `unit`, x/255; `raw`, nothing.
 */
export function inputLayers(input: KerasInput, seedStandardization: () => Standardization): tf.layers.Layer[] {
  switch (input) {
    case 'seed': {
      const { mean, std } = seedStandardization();
      return [standardize({ name: 'input_standardization', mean, std })];
    }
    case 'unit':
      return [standardize({ name: 'input_unit_scaling', mean: new Float32Array(IMAGE_PIXELS), std: new Float32Array(IMAGE_PIXELS).fill(255) })];
    case 'raw':
      return [];
  }
}
