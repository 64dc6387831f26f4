import * as tf from '@tensorflow/tfjs-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist, type FashionMnist } from '../../../../../pipeline/data/fashion-mnist.js';
import { computeStandardization, type Standardization } from '../../../../../pipeline/data/standardization.js';
import { makeBatch } from '../../../../../pipeline/train/make-batch.js';
import { Nadam } from '../../../../../pipeline/train/nadam.js';
import { NADAM_SCHEDULE_DECAY } from '../../../../../pipeline/train/nadam-schedule.js';
import { registerNativeReluGradient } from '../../../../../pipeline/train/native-relu-gradient.js';
import { eagerEngine, graphEngine, type StepEngine } from '../../../../../pipeline/train/step-engine.js';
import { LENET5_RBF_PLAN, SEED_PLANS, type TrainingPlan } from '../../../../../pipeline/train/training-plans.js';
import { withSeededMathRandom } from '../../../../../pipeline/train/with-seeded-math-random.js';
import type { TrainingPrecision } from '../../../../../core/types.js';

// Issue 22, item 3: one graph step is the eager step. Both engines start from the same weights,
// take the same real Fashion-MNIST batches and draw their dropout masks from the same seeded
// stream; the weights are compared after each run.

let data: FashionMnist;
let std: Standardization;

beforeAll(async () => {
  registerNativeReluGradient();
  data = await loadFashionMnist({});
  std = computeStandardization(data.train);
});

/** `steps` steps of `plan`'s model (seed 7) with `engine`, Nadam `scheduleDecay` if given; returns the model. */
async function train(plan: TrainingPlan, engine: 'eager' | TrainingPrecision, steps: number, opts: { scheduleDecay?: number; nudge?: boolean } = {}): Promise<{ model: tf.LayersModel; losses: number[] }> {
  const model = plan.build(std, 7);
  if (opts.nudge) {
    // One weight moved by one float32 ulp: how far the model's own training moves from a rounding difference.
    const w = model.trainableWeights[0]!;
    const values = w.read().dataSync().slice();
    values[0] = values[0]! * (1 + 2 ** -23);
    w.write(tf.tensor(values, w.shape as number[]));
  }
  const optimizer = opts.scheduleDecay === undefined ? plan.makeOptimizer() : new Nadam(1e-3, 0.9, 0.999, 1e-7, opts.scheduleDecay);
  const stepper: StepEngine = engine === 'eager' ? eagerEngine(model, optimizer, plan.loss) : await graphEngine(model, optimizer, plan.loss, engine);
  const losses: number[] = [];
  await withSeededMathRandom(5, async () => {
    for (let s = 0; s < steps; s++) {
      const { x, y } = makeBatch(data.train.images, data.train.labels, undefined, s * 32, s * 32 + 32);
      losses.push((await stepper.step(x.dataSync() as Float32Array, y.dataSync() as Int32Array, 32)).loss);
      tf.dispose([x, y]);
    }
  });
  stepper.sync();
  stepper.dispose();
  optimizer.dispose();
  return { model, losses };
}

/** The largest absolute difference between two models' trainable weights, and the share of weights differing by more than `within`. */
function weightDifference(a: tf.LayersModel, b: tf.LayersModel, within = 1e-6): { max: number; shareOver: number } {
  let max = 0;
  let over = 0;
  let count = 0;
  a.trainableWeights.forEach((w, i) => {
    const d = tf.tidy(() => tf.abs(tf.sub(w.read(), b.trainableWeights[i]!.read())).dataSync());
    for (const x of d) {
      max = Math.max(max, x);
      if (x > within) over++;
    }
    count += d.length;
  });
  return { max, shareOver: over / count };
}

describe('the graph step (fp32) against the eager step', () => {
  it.each([
    ['Keras 2.11+', NADAM_SCHEDULE_DECAY.keras2_11],
    ['legacy (Keras 2.0-2.10)', NADAM_SCHEDULE_DECAY.kerasLegacy],
  ])('LeNet-5, %s Nadam: the same weights after 10 steps', async (_name, scheduleDecay) => {
    const eager = await train(SEED_PLANS.lenet5, 'eager', 10, { scheduleDecay });
    const graph = await train(SEED_PLANS.lenet5, 'fp32', 10, { scheduleDecay });
    const diff = weightDifference(eager.model, graph.model);
    // Measured: 1.07e-5 at most, on one C5 weight whose gradient is near 0 at step 1, where Nadam's
    // normalisation turns a 1e-10 rounding difference of the gradient into a lr-sized step; all but
    // 0.01% of the weights within 1e-6.
    expect(diff.max).toBeLessThan(2e-5);
    expect(diff.shareOver).toBeLessThan(1e-4);
    for (let s = 0; s < 10; s++) expect(graph.losses[s]).toBeCloseTo(eager.losses[s]!, 5);
  });

  it("LeNet-5 with the paper's RBF output and Euclidean loss: the same weights after 10 steps", async () => {
    const eager = await train(LENET5_RBF_PLAN, 'eager', 10);
    const graph = await train(LENET5_RBF_PLAN, 'fp32', 10);
    expect(weightDifference(eager.model, graph.model).max).toBeLessThan(1e-5);
  });

  it('seed CNN (dropout, legacy Nadam): no further from eager than one ulp moves eager training, after 1 step and after 10', async () => {
    // Measured: eager vs eager with one weight moved by one ulp differs by 1.1e-5 after one step
    // and 0.0106 after 10: the CNN's first steps amplify any rounding ~10x a step, so a fixed 1e-5
    // after 10 steps is below the model's own sensitivity. The graph must stay within 3x of it.
    for (const steps of [1, 10]) {
      const eager = await train(SEED_PLANS.cnn, 'eager', steps);
      const nudged = await train(SEED_PLANS.cnn, 'eager', steps, { nudge: true });
      const graph = await train(SEED_PLANS.cnn, 'fp32', steps);
      const sensitivity = weightDifference(eager.model, nudged.model).max;
      const diff = weightDifference(eager.model, graph.model);
      expect(diff.max).toBeLessThan(3 * sensitivity);
      // Measured after one step: 0.012% of the weights differ by more than 1e-6.
      if (steps === 1) expect(diff.shareOver).toBeLessThan(1e-3);
      for (let s = 0; s < Math.min(steps, 3); s++) expect(graph.losses[s]).toBeCloseTo(eager.losses[s]!, 4);
    }
  });
});

describe('the graph step in bf16', () => {
  it('tracks the fp32 step (same start, same batches): the first loss within 0.5%, the next nine within 5%', async () => {
    const fp32 = await train(SEED_PLANS.cnn, 'fp32', 10);
    const bf16 = await train(SEED_PLANS.cnn, 'bf16', 10);
    const relative = bf16.losses.map((loss, s) => Math.abs(loss - fp32.losses[s]!) / fp32.losses[s]!);
    console.log(`bf16 vs fp32 loss, relative difference per step: ${relative.map((r) => r.toFixed(4)).join(' ')}`);
    expect(relative[0]).toBeLessThan(0.005);
    expect(Math.max(...relative)).toBeLessThan(0.05);
    expect(relative[0]).toBeGreaterThan(0); // really computed in another precision
  });

  it.each(['fp32', 'bf16'] as const)('is reproducible in %s: a rerun gives the same weights', async (precision) => {
    const a = await train(SEED_PLANS.cnn, precision, 5);
    const b = await train(SEED_PLANS.cnn, precision, 5);
    expect(weightDifference(a.model, b.model).max).toBe(0);
  });
});
