/** The scalars of one Nadam step, worked out in plain JS doubles (see nadam.ts for the formula). */
export interface NadamStepScalars {
  /** u_t = beta1 * (1 - 0.5 * 0.96^t): this step's momentum coefficient. */
  uT: number;
  /** u_{t+1}: the next step's momentum coefficient (the Nesterov look-ahead). */
  uNext: number;
  /** u_1 * ... * u_t: the momentum-schedule product after this step. */
  uProduct: number;
  /** u_1 * ... * u_{t+1}. */
  uProductNext: number;
  /** beta2^t, for v's bias correction. */
  beta2Power: number;
}

/**
 * Keras' momentum decay base. Keras 2.15 / 3 use 0.96^t; the legacy optimizer_v2 Nadam used
 * 0.96^(0.004 t) (its `schedule_decay`), which is not what `tf.keras.optimizers.Nadam()` gives.
 */
export const NADAM_MOMENTUM_DECAY = 0.96;

/** u_t = beta1 * (1 - 0.5 * 0.96^t). */
export function nadamMomentum(step: number, beta1: number): number {
  return beta1 * (1 - 0.5 * NADAM_MOMENTUM_DECAY ** step);
}

/**
 * The scalars of step `step` (1-based), given the schedule product before it (1 before step 1).
 * Pure, so the optimizer does this per step once, not per variable as tensors.
 */
export function nadamStepScalars(step: number, uProductBefore: number, beta1: number, beta2: number): NadamStepScalars {
  const uT = nadamMomentum(step, beta1);
  const uNext = nadamMomentum(step + 1, beta1);
  const uProduct = uProductBefore * uT;
  return { uT, uNext, uProduct, uProductNext: uProduct * uNext, beta2Power: beta2 ** step };
}

/**
 * u_1 * ... * u_t, multiplied in the same order as the optimizer does step by step, so the result
 * is bit-identical to the running product: restoring state needs only the step count.
 */
export function nadamScheduleProduct(steps: number, beta1: number): number {
  let product = 1;
  for (let t = 1; t <= steps; t++) product *= nadamMomentum(t, beta1);
  return product;
}
