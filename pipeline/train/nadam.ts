import * as tf from '@tensorflow/tfjs-node';

type NamedTensor = { name: string; tensor: tf.Tensor };

/**
 * Nadam as Keras defines it — Keras 2.15 (`keras.optimizers.Nadam`, keras/src/optimizers/nadam.py,
 * what `tf.keras.optimizers.Nadam()` is with TensorFlow 2.15; Keras 3 has the same update):
 *
 *   t = iterations + 1
 *   u_t     = beta1 * (1 - 0.5 * 0.96^t)        u_{t+1} = beta1 * (1 - 0.5 * 0.96^(t+1))
 *   P_t     = P_{t-1} * u_t  (P_0 = 1)          P_{t+1} = P_t * u_{t+1}
 *   m       = m + (g - m) * (1 - beta1)         v = v + (g^2 - v) * (1 - beta2)
 *   m_hat   = u_{t+1} * m / (1 - P_{t+1}) + (1 - u_t) * g / (1 - P_t)
 *   v_hat   = v / (1 - beta2^t)
 *   var    -= lr * m_hat / (sqrt(v_hat) + epsilon)
 *
 * Note the schedule is 0.96^t, not the 0.96^(0.004 t) of the legacy optimizer_v2 Nadam.
 * The per-step scalars are computed in plain JS doubles, so each variable's update is a short
 * chain of element-wise tensor ops.
 */
export class Nadam extends tf.Optimizer {
  static className = 'Nadam';
  private iterationCount = 0;
  private uProduct = 1;
  private readonly slots = new Map<string, { m: tf.Variable; v: tf.Variable }>();
  /**
   * Slots restored by setWeights, in saved order, not yet matched to a variable. Matched by order
   * of first use rather than by name: a model rebuilt in another process (or later in the same
   * one) gets other variable-name suffixes, but its gradients arrive in the same order.
   */
  private pending: { m: tf.Variable; v: tf.Variable }[] = [];

  constructor(
    /** Mutable so a per-epoch schedule can lower it between epochs. */
    public learningRate = 1e-3,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
  ) {
    super();
  }

  /** The step's scalars, pure: exposed for tests. */
  static schedule(step: number, uProductBefore: number, beta1: number, beta2: number) {
    const uT = beta1 * (1 - 0.5 * 0.96 ** step);
    const uT1 = beta1 * (1 - 0.5 * 0.96 ** (step + 1));
    const uProductT = uProductBefore * uT;
    const uProductT1 = uProductT * uT1;
    return { uT, uT1, uProductT, uProductT1, beta2Power: beta2 ** step };
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const entries: [string, tf.Tensor][] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.entries(variableGradients);
    const step = this.iterationCount + 1;
    const s = Nadam.schedule(step, this.uProduct, this.beta1, this.beta2);
    const mCoef = s.uT1 / (1 - s.uProductT1);
    const gCoef = (1 - s.uT) / (1 - s.uProductT);
    const vCoef = 1 / (1 - s.beta2Power);
    const variables = tf.engine().registeredVariables;
    for (const [name, gradient] of entries) {
      if (gradient == null) continue;
      const variable = variables[name];
      if (!variable) throw new Error(`Nadam: no variable named ${name} is registered.`);
      const slot = this.slot(name, variable);
      tf.tidy(() => {
        const m = tf.add(slot.m, tf.mul(tf.sub(gradient, slot.m), 1 - this.beta1));
        const v = tf.add(slot.v, tf.mul(tf.sub(tf.square(gradient), slot.v), 1 - this.beta2));
        slot.m.assign(m);
        slot.v.assign(v);
        const mHat = tf.add(tf.mul(m, mCoef), tf.mul(gradient, gCoef));
        const denom = tf.add(tf.sqrt(tf.mul(v, vCoef)), this.epsilon);
        variable.assign(tf.sub(variable, tf.div(tf.mul(mHat, this.learningRate), denom)));
      });
    }
    this.uProduct = s.uProductT;
    this.iterationCount = step;
    this.incrementIterations();
  }

  private slot(name: string, variable: tf.Variable) {
    let slot = this.slots.get(name);
    if (!slot) {
      const restored = this.pending.shift();
      if (restored && !tf.util.arraysEqual(restored.m.shape, variable.shape)) {
        throw new Error(`Nadam: restored optimizer state has shape [${restored.m.shape}] where ${name} has [${variable.shape}]; the checkpoint belongs to another model.`);
      }
      slot = restored ?? { m: tf.variable(tf.zerosLike(variable), false), v: tf.variable(tf.zerosLike(variable), false) };
      this.slots.set(name, slot);
    }
    return slot;
  }

  /** Iterations, the schedule product, then m and v of each variable (in first-use order). */
  override async getWeights(): Promise<NamedTensor[]> {
    const out: NamedTensor[] = [
      { name: 'iter', tensor: tf.scalar(this.iterationCount, 'float32') },
      { name: 'u_product', tensor: tf.scalar(this.uProduct, 'float32') },
    ];
    for (const [name, slot] of [...this.slots, ...this.pending.map((p, i) => [`pending${i}`, p] as const)]) {
      out.push({ name: `${name}/m`, tensor: slot.m }, { name: `${name}/v`, tensor: slot.v });
    }
    return out;
  }

  override async setWeights(weights: NamedTensor[]): Promise<void> {
    const byName = new Map(weights.map((w) => [w.name, w.tensor]));
    const iter = byName.get('iter');
    const uProduct = byName.get('u_product');
    if (!iter || !uProduct) throw new Error('Nadam.setWeights: the weights lack "iter" and "u_product" (not saved by this optimizer?).');
    this.iterationCount = iter.dataSync()[0]!;
    this.uProduct = uProduct.dataSync()[0]!;
    this.iterations_ = this.iterationCount;
    this.disposeSlots();
    for (const w of weights) {
      if (!w.name.endsWith('/m')) continue;
      const name = w.name.slice(0, -2);
      const v = byName.get(`${name}/v`);
      if (!v) throw new Error(`Nadam.setWeights: ${name}/m has no matching ${name}/v.`);
      this.pending.push({ m: tf.variable(w.tensor.clone(), false), v: tf.variable(v.clone(), false) });
    }
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config.learningRate, config.beta1, config.beta2, config.epsilon);
  }

  private disposeSlots(): void {
    for (const slot of [...this.slots.values(), ...this.pending]) {
      slot.m.dispose();
      slot.v.dispose();
    }
    this.slots.clear();
    this.pending = [];
  }

  override dispose(): void {
    this.disposeSlots();
    super.dispose();
  }
}

tf.serialization.registerClass(Nadam);
