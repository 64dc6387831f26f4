/**
 * The shop recipe's training augmentation: what each training image may go through, drawn
 * independently per image. A flat record of numbers, so metadata.json records it as it is.
 */
export interface AugmentationPolicy {
  /** Chance of a left-right mirror (shops photograph shoes facing either way). */
  mirrorProbability: number;
  /** Chance of reframing: a scale, a small rotation and a shift about the centre. */
  reframeProbability: number;
  /** Scale range (1: as framed; below 1 the item shrinks inside its frame). */
  scaleMin: number;
  scaleMax: number;
  /** Largest shift in x and in y, pixels (uniform, fractional). */
  shiftMax: number;
  /** Largest rotation either way, degrees. */
  rotationMax: number;
  /** Chance of lower contrast, by a factor uniform in [contrastMin, 1] about a pivot uniform between black (the item dims) and the image mean (the background lifts too). */
  contrastProbability: number;
  contrastMin: number;
  /** Chance of a gamma curve, gamma log-uniform in [gammaMin, gammaMax]. */
  gammaProbability: number;
  gammaMin: number;
  gammaMax: number;
  /** Chance of a Gaussian blur, sigma uniform in [blurSigmaMin, blurSigmaMax] pixels. */
  blurProbability: number;
  blurSigmaMin: number;
  blurSigmaMax: number;
  /** Chance of Gaussian pixel noise, sigma uniform in [0, noiseSigmaMax] levels, clipped to 0..255. */
  noiseProbability: number;
  noiseSigmaMax: number;
}

/**
 * What the shop recipe trains with. Designed from how the test set's framing differs from shop
 * photos (the robustness suite names each difference), not tuned to any photo: every change
 * the suite measures is covered a little beyond its level (shrink to 0.8 < 0.75..1.05, shift 3,
 * contrast 0.5, gamma 2, blur 1, noise 20), and each is applied to a minority of images, so
 * most of what the model sees stays framed the way Fashion-MNIST is (and the conversion of
 * real photos frames them: trimmed, longest edge filling the frame, centred).
 */
export const SHOP_AUGMENTATION: AugmentationPolicy = {
  mirrorProbability: 0.5,
  reframeProbability: 0.6,
  scaleMin: 0.75,
  scaleMax: 1.05,
  shiftMax: 3,
  rotationMax: 6,
  contrastProbability: 0.3,
  contrastMin: 0.45,
  gammaProbability: 0.3,
  gammaMin: 0.6,
  gammaMax: 2.2,
  blurProbability: 0.2,
  blurSigmaMin: 0.5,
  blurSigmaMax: 1.2,
  noiseProbability: 0.3,
  noiseSigmaMax: 22,
};
