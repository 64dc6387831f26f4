import { describe, expect, it } from 'vitest';
import { NADAM_SCHEDULE_DECAY, nadamMomentum, nadamScheduleProduct, nadamStepScalars } from '../../../../pipeline/train/nadam-schedule.js';

describe('Nadam momentum schedule (Keras 2.15 / 3: 0.96^t)', () => {
  it('gives the first coefficients worked out by hand', () => {
    // u_1 = 0.9 * (1 - 0.5 * 0.96) = 0.9 * 0.52; u_2 = 0.9 * (1 - 0.5 * 0.9216) = 0.9 * 0.5392.
    expect(nadamMomentum(1, 0.9)).toBeCloseTo(0.468, 15);
    expect(nadamMomentum(2, 0.9)).toBeCloseTo(0.48528, 15);
    // Not the legacy 0.96^(0.004 t), which would give 0.9 * (1 - 0.5 * 0.99983671) = 0.45007348.
    expect(nadamMomentum(1, 0.9)).not.toBeCloseTo(0.45007348, 4);
  });

  it('approaches beta1 as t grows', () => {
    expect(nadamMomentum(1000, 0.9)).toBeCloseTo(0.9, 12);
  });

  it('works out one step from the product before it', () => {
    const s = nadamStepScalars(2, 0.468, 0.9, 0.999);
    expect(s.uT).toBeCloseTo(0.48528, 15);
    expect(s.uNext).toBeCloseTo(0.9 * (1 - 0.5 * 0.96 ** 3), 15);
    expect(s.uProduct).toBeCloseTo(0.468 * 0.48528, 15);
    expect(s.uProductNext).toBeCloseTo(0.468 * 0.48528 * 0.9 * (1 - 0.5 * 0.884736), 15);
    expect(s.beta2Power).toBeCloseTo(0.998001, 15);
  });

  it('recomputes the running product bit for bit from the step count', () => {
    let running = 1;
    for (let t = 1; t <= 2000; t++) running = nadamStepScalars(t, running, 0.9, 0.999).uProduct;
    expect(nadamScheduleProduct(2000, 0.9)).toBe(running);
    expect(nadamScheduleProduct(0, 0.9)).toBe(1);
  });

  it('follows the legacy Keras schedule 0.96^(0.004 t) when asked, and restores its product too', () => {
    const legacy = NADAM_SCHEDULE_DECAY.kerasLegacy;
    expect(nadamMomentum(1, 0.9, legacy)).toBeCloseTo(0.4500735, 7);
    // After the seed's 17,190 steps it is still well below beta1: 0.9 * (1 - 0.5 * 0.96^68.76) = 0.8728.
    expect(nadamMomentum(17_190, 0.9, legacy)).toBeCloseTo(0.9 * (1 - 0.5 * 0.96 ** 68.76), 10);
    let running = 1;
    for (let t = 1; t <= 500; t++) running = nadamStepScalars(t, running, 0.9, 0.999, legacy).uProduct;
    expect(nadamScheduleProduct(500, 0.9, legacy)).toBe(running);
  });
});
