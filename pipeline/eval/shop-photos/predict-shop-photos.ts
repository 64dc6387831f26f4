import type * as tf from '@tensorflow/tfjs-node';
import { predictProbabilities, type PredictOptions } from '../../../core/predict.js';
import type { ShopPhoto } from './load-shop-photos.js';
import { scoreShopPhotos, type ShopPhotoScores } from './score-shop-photos.js';

/**
 * Runs the model on the shop photos both ways (each photo alone, and averaged with its mirror,
 * through core's predictProbabilities, as the extension runs it) and scores them, with perClass
 * and perPhoto in `options`' mode: pass predictOptionsOf(metadata) for an exported model.
 */
export function predictShopPhotos(model: tf.LayersModel, photos: readonly ShopPhoto[], options: PredictOptions): ShopPhotoScores {
  const inputs = photos.map((p) => p.input);
  const alone = predictProbabilities(model, inputs, { mirrorAverage: false });
  const averaged = predictProbabilities(model, inputs, { mirrorAverage: true });
  return scoreShopPhotos(photos, alone, averaged, options.mirrorAverage);
}
