import type { ProductPhotoAccuracy, ProductPhotoSet } from '../eval/product-photo-accuracy.js';
import { scorePredictions } from '../eval/score-predictions.js';

/**
 * The conversion's round trip scored from a model's probabilities (count*10 each) on the original
 * test images and on the same images rendered as photos and converted back (`set.converted`), so the
 * caller predicts in the model's own mode (predictAll with predictOptionsOf(metadata)). Image i
 * took style i mod the number of styles. Pure.
 */
export function roundTripAccuracy(set: ProductPhotoSet, originalProbabilities: Float32Array, convertedProbabilities: Float32Array): ProductPhotoAccuracy {
  const { original, styles } = set;
  const originalScores = scorePredictions(originalProbabilities, original.labels);
  const photoScores = scorePredictions(convertedProbabilities, original.labels);
  const perStyle = styles.map((style, s) => {
    let count = 0;
    let correct = 0;
    for (let i = s; i < original.count; i += styles.length) {
      count++;
      if (photoScores.predicted[i] === original.labels[i]) correct++;
    }
    return { style, count, accuracy: count ? correct / count : 0 };
  });
  return {
    count: original.count,
    originalAccuracy: originalScores.accuracy,
    productPhotoAccuracy: photoScores.accuracy,
    originalPerClassAccuracy: originalScores.perClassAccuracy,
    perClassAccuracy: photoScores.perClassAccuracy,
    perStyle,
  };
}
