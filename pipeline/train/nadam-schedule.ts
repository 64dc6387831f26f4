/** The scalars of one Nadam step, worked out in plain JS doubles (see nadam.ts for the formula). */
export interface NadamStepScalars {
  /** u_t = beta1 * (1 - 0.5 * 0.96^(scheduleDecay t)): this step's momentum coefficient. */
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

/** Keras' momentum decay base: u_t = beta1 * (1 - 0.5 * 0.96^(scheduleDecay * t)). */
export const NADAM_MOMENTUM_DECAY = 0.96;

/**
 * `schedule_decay` of the two Keras Nadams. Keras 2.11+ (`keras.optimizers.Nadam`, also Keras 3)
 * decays 0.96^t: u_t reaches beta1 within ~100 steps. Keras 2.0-2.10 (optimizer_v2/nadam.py, now
 * `keras.optimizers.legacy.Nadam`, and Keras 1's `schedule_decay=0.004`) decays 0.96^(0.004 t):
 * u_t climbs from beta1/2 to ~0.87 over the seed's 17,190 steps.
 */
export const NADAM_SCHEDULE_DECAY = { keras2_11: 1, kerasLegacy: 0.004 } as const;

/** u_t = beta1 * (1 - 0.5 * 0.96^(scheduleDecay * t)). */
export function nadamMomentum(step: number, beta1: number, scheduleDecay: number = NADAM_SCHEDULE_DECAY.keras2_11): number {
  return beta1 * (1 - 0.5 * NADAM_MOMENTUM_DECAY ** (scheduleDecay * step));
}

/**
 * The scalars of step `step` (1-based), given the schedule product before it (1 before step 1).
 * Pure, so the optimizer does this per step once, not per variable as tensors.
 */
export function nadamStepScalars(step: number, uProductBefore: number, beta1: number, beta2: number, scheduleDecay: number = NADAM_SCHEDULE_DECAY.keras2_11): NadamStepScalars {
  const uT = nadamMomentum(step, beta1, scheduleDecay);
  const uNext = nadamMomentum(step + 1, beta1, scheduleDecay);
  const uProduct = uProductBefore * uT;
  return { uT, uNext, uProduct, uProductNext: uProduct * uNext, beta2Power: beta2 ** step };
}

/**
 * u_1 * ... * u_t, multiplied in the same order as the optimizer does step by step, so the result
 * is bit-identical to the running product: restoring state needs only the step count.
 */
export function nadamScheduleProduct(steps: number, beta1: number, scheduleDecay: number = NADAM_SCHEDULE_DECAY.keras2_11): number {
  let product = 1;
  for (let t = 1; t <= steps; t++) product *= nadamMomentum(t, beta1, scheduleDecay);
  return product;
}
