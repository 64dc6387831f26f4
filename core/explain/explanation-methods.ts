import type { ExplainTensor } from './explanation-types.js';
import { gradCam } from './grad-cam.js';
import { gradientTimesInput } from './gradient-times-input.js';
import { integratedGradients } from './integrated-gradients.js';
import { occlusion } from './occlusion.js';
import { smoothGrad } from './smooth-grad.js';

/** Every explanation method tried (bench/explain.ts measures each), by name. */
export const EXPLANATION_METHODS = {
  'gradient-x-input': gradientTimesInput,
  smoothgrad: smoothGrad,
  'integrated-gradients': integratedGradients,
  'grad-cam': gradCam,
  occlusion,
} as const satisfies Record<string, ExplainTensor>;

export type ExplanationMethod = keyof typeof EXPLANATION_METHODS;

/** Each method's name in words, for pages that say which one they show. */
export const EXPLANATION_METHOD_LABELS: Record<ExplanationMethod, string> = {
  'gradient-x-input': 'gradient × input',
  smoothgrad: 'SmoothGrad × input',
  'integrated-gradients': 'integrated gradients',
  'grad-cam': 'Grad-CAM',
  occlusion: 'occlusion',
};

export const EXPLANATION_METHOD_NAMES = Object.keys(EXPLANATION_METHODS) as ExplanationMethod[];

/** The method the extension and the report show: picked by bench/explain.ts (see the README's "Why?" section). */
export const CHOSEN_EXPLANATION_METHOD: ExplanationMethod = 'gradient-x-input';
