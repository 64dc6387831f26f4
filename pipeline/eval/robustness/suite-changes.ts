import { addGaussianNoise } from '../../image-ops/add-gaussian-noise.js';
import { adjustContrast } from '../../image-ops/adjust-contrast.js';
import { adjustGamma } from '../../image-ops/adjust-gamma.js';
import { gaussianBlur } from '../../image-ops/gaussian-blur.js';
import type { GrayImage } from '../../image-ops/gray-image.js';
import { mirror } from '../../image-ops/mirror.js';
import { shiftImage } from '../../image-ops/shift-image.js';
import { shrinkCentred } from '../../image-ops/shrink-centred.js';

/** One change of the robustness suite, applied to one image: src -> dst (distinct buffers); `random` is the suite's seeded stream. */
export interface SuiteChange {
  /** Short stable id, recorded in metadata.json. */
  id: string;
  /** What it does, in words (the report's row label). */
  description: string;
  apply: (src: GrayImage, dst: GrayImage, random: () => number) => void;
}

/** In-place operations as src -> dst changes. */
const inPlace = (op: (image: GrayImage, random: () => number) => void) => (src: GrayImage, dst: GrayImage, random: () => number) => {
  dst.set(src);
  op(dst, random);
};

/**
 * The robustness suite: how shop photos differ from Fashion-MNIST's uniform framing, each as a
 * named change of the test images at one fixed level. 'none' comes first.
 */
export const SUITE_CHANGES: readonly SuiteChange[] = [
  { id: 'none', description: 'as they are', apply: (src, dst) => dst.set(src) },
  { id: 'mirror', description: 'mirrored left-right', apply: (src, dst) => mirror(src, dst) },
  { id: 'shrink-80', description: 'shrunk to 80% and centred (area-averaged)', apply: (src, dst) => shrinkCentred(src, dst, 0.8) },
  {
    id: 'shift-3',
    description: 'shifted by a random -3..3 px in x and y',
    apply: (src, dst, random) => shiftImage(src, dst, Math.floor(random() * 7) - 3, Math.floor(random() * 7) - 3),
  },
  { id: 'contrast-0.5', description: 'contrast x0.5 (pixel values halved: the item dims, the background stays black)', apply: inPlace((image) => adjustContrast(image, 0.5)) },
  { id: 'gamma-2', description: 'gamma 2', apply: inPlace((image) => adjustGamma(image, 2)) },
  { id: 'blur-1', description: 'Gaussian blur, sigma 1', apply: (src, dst) => gaussianBlur(src, dst, 1) },
  { id: 'noise-20', description: 'Gaussian noise, sigma 20, clipped', apply: inPlace((image, random) => addGaussianNoise(image, 20, random)) },
];

