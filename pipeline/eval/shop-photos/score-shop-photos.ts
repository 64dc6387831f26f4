import { NUM_CLASSES } from '../../../core/model-contract.js';
import { topK, type TopKEntry } from '../../../core/top-k.js';
import type { ShopPhotoMetrics, TopAccuracy } from '../../../core/types.js';
import type { ShopPhoto } from './load-shop-photos.js';

/** How a model did on one photo. */
export interface ShopPhotoResult {
  /** Path relative to the photos' folder. */
  file: string;
  /** The right class index. */
  label: number;
  /** The three most probable classes, most probable first. */
  top3: TopKEntry[];
  /** Whether the most probable class is the right one. */
  correctTop1: boolean;
  /** Whether the right class is among the three most probable. */
  correctTop3: boolean;
  /** The 28x28 input the model saw (for showing the mistakes). */
  input: Uint8Array;
}

/** A model's figures on the shop photos, and each photo's result. */
export interface ShopPhotoScores {
  metrics: ShopPhotoMetrics;
  /** In the photos' order, with the model's own prediction mode. */
  perPhoto: ShopPhotoResult[];
}

const TOP = 3;

function rankOf(probabilities: Float32Array, label: number): number {
  return topK(probabilities, NUM_CLASSES).findIndex((e) => e.index === label);
}

function topAccuracy(ranks: readonly number[]): TopAccuracy {
  const count = ranks.length;
  if (count === 0) return { count, top1: 0, top3: 0 };
  return { count, top1: ranks.filter((r) => r === 0).length / count, top3: ranks.filter((r) => r < TOP).length / count };
}

function checkProbabilities(photos: readonly unknown[], probabilities: readonly Float32Array[], what: string): void {
  if (probabilities.length !== photos.length) throw new Error(`scoreShopPhotos got ${probabilities.length} ${what} for ${photos.length} photos; it needs one set of ${NUM_CLASSES} per photo.`);
}

/**
 * Scores a model's probabilities on the shop photos: top-1 and top-3 over all photos predicting
 * each alone (`probabilities`) and averaged with its mirror (`mirrorAveragedProbabilities`), one
 * Float32Array of 10 per photo in the photos' order. perClass (each class present, in label order)
 * and perPhoto use the model's own prediction mode: the mirror-averaged probabilities when
 * `mirrorAverage` is true. Ties rank the lower class index first (core's topK). Pure.
 */
export function scoreShopPhotos(
  photos: readonly Pick<ShopPhoto, 'file' | 'label' | 'input'>[],
  probabilities: readonly Float32Array[],
  mirrorAveragedProbabilities: readonly Float32Array[],
  mirrorAverage: boolean,
): ShopPhotoScores {
  checkProbabilities(photos, probabilities, 'probabilities');
  checkProbabilities(photos, mirrorAveragedProbabilities, 'mirror-averaged probabilities');
  const alone = photos.map((p, i) => rankOf(probabilities[i]!, p.label));
  const averaged = photos.map((p, i) => rankOf(mirrorAveragedProbabilities[i]!, p.label));
  const own = mirrorAverage ? averaged : alone;
  const ownProbabilities = mirrorAverage ? mirrorAveragedProbabilities : probabilities;
  const classes = [...new Set(photos.map((p) => p.label))].sort((a, b) => a - b);
  return {
    metrics: {
      overall: topAccuracy(alone),
      mirrorAveraged: topAccuracy(averaged),
      perClass: classes.map((classIndex) => ({ classIndex, ...topAccuracy(own.filter((_, i) => photos[i]!.label === classIndex)) })),
    },
    perPhoto: photos.map((p, i) => ({
      file: p.file,
      label: p.label,
      top3: topK(ownProbabilities[i]!, TOP),
      correctTop1: own[i] === 0,
      correctTop3: own[i]! < TOP,
      input: p.input,
    })),
  };
}
