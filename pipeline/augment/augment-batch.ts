import { addGaussianNoise } from '../image-ops/add-gaussian-noise.js';
import { adjustContrast, meanLevel } from '../image-ops/adjust-contrast.js';
import { adjustGamma } from '../image-ops/adjust-gamma.js';
import { gaussianBlur } from '../image-ops/gaussian-blur.js';
import { PIXELS, clampPixels, grayImage, type GrayImage } from '../image-ops/gray-image.js';
import { mirror } from '../image-ops/mirror.js';
import { warpAffine } from '../image-ops/warp-affine.js';
import type { AugmentationPolicy } from './augmentation-policy.js';

const uniform = (random: () => number, min: number, max: number) => min + (max - min) * random();

/**
 * Augments one image in place per `policy`: mirror, reframe (scale, rotation, shift), blur,
 * contrast, gamma, then noise (a sensor's noise comes last). Every draw comes from `random`, in
 * a fixed order whatever is applied, so a seed gives the same images. Pixels stay in 0..255.
 */
export function augmentImage(image: GrayImage, policy: AugmentationPolicy, random: () => number, scratch: GrayImage = grayImage()): void {
  const doMirror = random() < policy.mirrorProbability;
  const doReframe = random() < policy.reframeProbability;
  const scale = uniform(random, policy.scaleMin, policy.scaleMax);
  const degrees = uniform(random, -policy.rotationMax, policy.rotationMax);
  const dx = uniform(random, -policy.shiftMax, policy.shiftMax);
  const dy = uniform(random, -policy.shiftMax, policy.shiftMax);
  const doBlur = random() < policy.blurProbability;
  const blurSigma = uniform(random, policy.blurSigmaMin, policy.blurSigmaMax);
  const doContrast = random() < policy.contrastProbability;
  const contrast = uniform(random, policy.contrastMin, 1);
  const pivotShare = random();
  const doGamma = random() < policy.gammaProbability;
  const gamma = Math.exp(uniform(random, Math.log(policy.gammaMin), Math.log(policy.gammaMax)));
  const doNoise = random() < policy.noiseProbability;
  const noiseSigma = uniform(random, 0, policy.noiseSigmaMax);

  if (doMirror) {
    mirror(image, scratch);
    image.set(scratch);
  }
  if (doReframe) {
    warpAffine(image, scratch, { scale, degrees, dx, dy });
    image.set(scratch);
  }
  if (doBlur) gaussianBlur(image, image, blurSigma);
  if (doContrast) adjustContrast(image, contrast, pivotShare * meanLevel(image));
  if (doGamma) adjustGamma(image, gamma);
  if (doNoise) addGaussianNoise(image, noiseSigma, random);
  clampPixels(image);
}

/** Augments `count` images stored back to back in `images` (count*784 floats), in place. */
export function augmentBatch(images: Float32Array, count: number, policy: AugmentationPolicy, random: () => number): void {
  const scratch = grayImage();
  for (let i = 0; i < count; i++) augmentImage(images.subarray(i * PIXELS, (i + 1) * PIXELS), policy, random, scratch);
}
