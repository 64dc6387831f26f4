import { IMAGE_PIXELS } from '../../core/model-contract.js';
import { toFashionMnist } from '../../core/conversion/to-fashion-mnist.js';
import type { ImageSet } from '../data/image-set.js';
import { PRODUCT_PHOTO_STYLES, renderProductPhoto, type ProductPhotoStyle } from './render-product-photo.js';
import { scorePredictions } from '../shared/score-predictions.js';

/** A test set seen twice: as the original 28x28 images and as product photos converted back by core. */
export interface ProductPhotoSet {
  /** The original images and labels. */
  original: ImageSet;
  /** Image i rendered with styles[i % styles.length] and converted with core's toFashionMnist (count*784 bytes). */
  converted: Uint8Array;
  /** The styles cycled through. */
  styles: readonly ProductPhotoStyle[];
}

/** A model's accuracy on the original test images beside the same images as product photos. */
export interface ProductPhotoAccuracy {
  /** Number of test images (each evaluated both ways). */
  count: number;
  /** Accuracy 0..1 on the original 28x28 images. */
  originalAccuracy: number;
  /** Accuracy 0..1 on the product photos after core's Fashion-MNIST conversion. */
  productPhotoAccuracy: number;
  /** Accuracy per class on the original images, in label order. */
  originalPerClassAccuracy: number[];
  /** Product-photo accuracy per class, in label order. */
  perClassAccuracy: number[];
  /** Product-photo accuracy per style (same order as the set's styles). */
  perStyle: { style: ProductPhotoStyle; count: number; accuracy: number }[];
}

/**
 * Renders each test image as a product photo (light page, enlarged, padded, tinted: see
 * renderProductPhoto; image i takes style i mod the number of styles) and converts it back with
 * core's toFashionMnist, the code the extension runs on a clicked image. Model-independent, so
 * one conversion serves every model. About 2.5 ms per image.
 */
export function convertAsProductPhotos(set: ImageSet, styles: readonly ProductPhotoStyle[] = PRODUCT_PHOTO_STYLES): ProductPhotoSet {
  if (styles.length === 0) throw new Error('convertAsProductPhotos needs at least one product-photo style.');
  const converted = new Uint8Array(set.count * IMAGE_PIXELS);
  for (let i = 0; i < set.count; i++) {
    const pixels = set.images.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);
    converted.set(toFashionMnist(renderProductPhoto(pixels, styles[i % styles.length]!)), i * IMAGE_PIXELS);
  }
  return { original: set, converted, styles };
}

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
