import * as tf from '@tensorflow/tfjs-node';
import { NADAM_SCHEDULE_DECAY, nadamScheduleProduct, nadamStepScalars } from './nadam-schedule.js';

type NamedTensor = { name: string; tensor: tf.Tensor };

/** First and second moment of one variable; non-trainable variables so they outlive every tidy. */
export interface Slot {
  m: tf.Variable;
  v: tf.Variable;
}

/**
 * Nadam as Keras defines it: the update of `keras.optimizers.Nadam` in Keras 2.15.0
 * (keras/src/optimizers/nadam.py, the `tf.keras.optimizers.Nadam()` that tensorflow-cpu 2.15.1
 * gives; Keras 3's keras/src/optimizers/nadam.py has the same update):
 *
 *   t = iterations + 1
 *   u_t     = beta1 * (1 - 0.5 * 0.96^t)        u_{t+1} = beta1 * (1 - 0.5 * 0.96^(t+1))
 *   P_t     = P_{t-1} * u_t  (P_0 = 1)          P_{t+1} = P_t * u_{t+1}
 *   m       = m + (g - m) * (1 - beta1)         v = v + (g^2 - v) * (1 - beta2)
 *   m_hat   = u_{t+1} * m / (1 - P_{t+1}) + (1 - u_t) * g / (1 - P_t)
 *   v_hat   = v / (1 - beta2^t)
 *   var    -= lr * m_hat / (sqrt(v_hat) + epsilon)
 *
 * With `scheduleDecay` 0.004 it is the legacy Nadam of Keras 2.0-2.10 (optimizer_v2/nadam.py, now
 * keras.optimizers.legacy.Nadam): the same update with u_t = beta1 * (1 - 0.5 * 0.96^(0.004 t)),
 * so u_t climbs slowly from beta1/2 (the rest, local_step = iterations + 1 and epsilon added to
 * sqrt(v_hat), is the same). That is the Nadam the seed notebook ran when the book reported
 * "over 92%" (TF 2.0-2.3), and the one the CNN trains with (see training-plans.ts).
 *
 * Not reproduced: in a tf.function (model.fit), Keras 2.15's update_step multiplies P by u_t once
 * per variable per step (its Python-side `_u_product_counter` check is traced once), so P collapses
 * to ~0 within the first step; eager Keras and the formula above update it once per step.
 *
 * For speed (this runs 1,719 times an epoch over ~16 variables) the per-step scalars are JS
 * doubles, and the bias correction c = sqrt(1 - beta2^t) is folded into them:
 *   lr * m_hat / (sqrt(v / c^2) + eps) = (a * m + b * g) / (sqrt(v) + eps * c)
 *   with a = lr * c * u_{t+1} / (1 - P_{t+1}) and b = lr * c * (1 - u_t) / (1 - P_t),
 * which is 14 element-wise ops per variable instead of 16 (same value up to float32 rounding).
 */
export class Nadam extends tf.Optimizer {
  static className = 'Nadam';
  /** P_t after the last step, in a double (Keras keeps it in a float32 variable). */
  private uProduct = 1;
  /** Slots by variable name, in the order the variables were first updated. */
  private readonly slots = new Map<string, Slot>();
  /**
   * Slots restored by setWeights, in saved order, not yet matched to a variable. Matched by order
   * of first use rather than by name: a model rebuilt in another process (or later in the same
   * one) gets other variable-name suffixes, but its gradients arrive in the same order.
   */
  private pending: Slot[] = [];
  /** 1 - beta1 and 1 - beta2 as kept scalars, so no step uploads them again per variable. */
  private oneMinus?: { beta1: tf.Scalar; beta2: tf.Scalar };

  constructor(
    /** Mutable so a per-epoch schedule can lower it between epochs. */
    public learningRate = 1e-3,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
    /** Keras' `schedule_decay`: 1 follows Keras 2.11+, 0.004 the legacy Keras Nadam (NADAM_SCHEDULE_DECAY). */
    readonly scheduleDecay: number = NADAM_SCHEDULE_DECAY.keras2_11,
  ) {
    super();
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor][] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.entries(variableGradients);
    const k = this.stepCoefficients();
    const registered = tf.engine().registeredVariables;
    this.oneMinus ??= { beta1: tf.keep(tf.scalar(1 - this.beta1)), beta2: tf.keep(tf.scalar(1 - this.beta2)) };
    const oneMinus = this.oneMinus;
    tf.tidy(() => {
      const a = tf.scalar(k.a);
      const b = tf.scalar(k.b);
      const eps = tf.scalar(k.epsilon);
      for (const [name, g] of entries) {
        if (g == null) continue;
        const variable = registered[name];
        if (!variable) throw new Error(`Nadam: no variable named ${name} is registered; pass gradients keyed by tf.Variable names.`);
        const slot = this.slot(name, variable);
        // One tidy per variable, so intermediates of one variable are freed before the next.
        tf.tidy(() => {
          const m = tf.add(slot.m, tf.mul(tf.sub(g, slot.m), oneMinus.beta1));
          const v = tf.add(slot.v, tf.mul(tf.sub(tf.square(g), slot.v), oneMinus.beta2));
          slot.m.assign(m);
          slot.v.assign(v);
          const numerator = tf.add(tf.mul(m, a), tf.mul(g, b));
          variable.assign(tf.sub(variable, tf.div(numerator, tf.add(tf.sqrt(v), eps))));
        });
      }
    });
    this.countStep();
  }

  /**
   * The coefficients of the next step's update, var -= (a * m + b * g) / (sqrt(v) + epsilon), at
   * the current learning rate (see the class comment). The graph engine feeds these to its own
   * copy of the same update, so both engines share this one formula.
   */
  stepCoefficients(): { a: number; b: number; epsilon: number } {
    const s = nadamStepScalars(this.iterations + 1, this.uProduct, this.beta1, this.beta2, this.scheduleDecay);
    const c = Math.sqrt(1 - s.beta2Power);
    return { a: (this.learningRate * c * s.uNext) / (1 - s.uProductNext), b: (this.learningRate * c * (1 - s.uT)) / (1 - s.uProduct), epsilon: this.epsilon * c };
  }

  /** Advances the step count and the schedule product by one step (after an update). */
  countStep(): void {
    this.uProduct = nadamStepScalars(this.iterations + 1, this.uProduct, this.beta1, this.beta2, this.scheduleDecay).uProduct;
    this.incrementIterations();
  }

  /**
   * The moments of each variable, as the next applyGradients would use them (restored ones
   * matched in order, else new zeros): the graph engine starts from these and writes its own back.
   */
  slotsFor(variables: readonly tf.Variable[]): Slot[] {
    return variables.map((variable) => this.slot(variable.name, variable));
  }

  /** The slot of `name`: already in use, else the next restored one, else new zeros. */
  private slot(name: string, variable: tf.Variable): Slot {
    let slot = this.slots.get(name);
    if (!slot) {
      const restored = this.pending.shift();
      if (restored && !tf.util.arraysEqual(restored.m.shape, variable.shape)) {
        throw new Error(
          `Nadam: the restored optimizer state has shape [${restored.m.shape}] where variable ${name} has [${variable.shape}]; ` +
            'the checkpoint belongs to another model (delete it or train without resuming).',
        );
      }
      // In a tidy, so the zeros the variables are made from are freed (the graph engine asks outside any tidy).
      slot = restored ?? tf.tidy(() => ({ m: tf.variable(tf.zerosLike(variable), false), v: tf.variable(tf.zerosLike(variable), false) }));
      this.slots.set(name, slot);
    }
    return slot;
  }

  /**
   * `iter` (int32), `u_product` (P_t, float32, for reading; setWeights recomputes it exactly from
   * `iter`), then `<variable>/m` and `<variable>/v` per variable in first-use order (the order of
   * the model's trainable weights, stable across rebuilds, unlike the names' numeric suffixes).
   */
  override async getWeights(): Promise<NamedTensor[]> {
    const out: NamedTensor[] = [await this.saveIterations(), { name: 'u_product', tensor: tf.scalar(this.uProduct, 'float32') }];
    const named = [...this.slots, ...this.pending.map((slot, i) => [`pending${i}`, slot] as const)];
    for (const [name, slot] of named) out.push({ name: `${name}/m`, tensor: slot.m }, { name: `${name}/v`, tensor: slot.v });
    return out;
  }

  override async setWeights(weights: NamedTensor[]): Promise<void> {
    const byName = new Map(weights.map((w) => [w.name, w.tensor]));
    const iter = byName.get('iter');
    if (!iter) throw new Error('Nadam.setWeights: the weights have no "iter" entry; they were not saved by this optimizer.');
    const iterations = iter.dataSync()[0]!;
    if (!Number.isInteger(iterations) || iterations < 0) throw new Error(`Nadam.setWeights: "iter" is ${iterations}; it must be a whole number of steps.`);
    const uProduct = nadamScheduleProduct(iterations, this.beta1, this.scheduleDecay);
    const saved = byName.get('u_product')?.dataSync()[0];
    if (saved !== undefined && Math.abs(saved - uProduct) > 1e-6 * Math.max(uProduct, 1e-30) + 1e-37) {
      throw new Error(
        `Nadam.setWeights: the saved schedule product ${saved} does not match ${uProduct} (${iterations} steps of beta1 ${this.beta1}, schedule decay ${this.scheduleDecay}); ` +
          'the state was saved by a Nadam with other settings.',
      );
    }
    const pending: Slot[] = [];
    for (const w of weights) {
      if (!w.name.endsWith('/m')) continue;
      const name = w.name.slice(0, -'/m'.length);
      const v = byName.get(`${name}/v`);
      if (!v) throw new Error(`Nadam.setWeights: ${name}/m has no matching ${name}/v.`);
      if (!tf.util.arraysEqual(w.tensor.shape, v.shape)) throw new Error(`Nadam.setWeights: ${name}/m and ${name}/v differ in shape.`);
      pending.push({ m: tf.variable(w.tensor, false), v: tf.variable(v, false) });
    }
    this.disposeSlots();
    this.pending = pending;
    this.uProduct = uProduct;
    this.iterations_ = iterations;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, scheduleDecay: this.scheduleDecay };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config.learningRate, config.beta1, config.beta2, config.epsilon, config.scheduleDecay ?? NADAM_SCHEDULE_DECAY.keras2_11);
  }

  private disposeSlots(): void {
    for (const slot of [...this.slots.values(), ...this.pending]) tf.dispose([slot.m, slot.v]);
    this.slots.clear();
    this.pending = [];
  }

  override dispose(): void {
    this.disposeSlots();
    if (this.oneMinus) tf.dispose([this.oneMinus.beta1, this.oneMinus.beta2]);
    this.oneMinus = undefined;
    super.dispose();
  }
}

tf.serialization.registerClass(Nadam);
