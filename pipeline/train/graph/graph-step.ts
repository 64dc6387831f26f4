import * as tf from '@tensorflow/tfjs-node';
import type { TrainingLoss } from '../../../core/types.js';
import { loadGraphAddon, type GraphAddon, type OutputRef, type SessionHandle, type TensorValue } from '../../native/graph-addon.js';
import { Nadam } from '../nadam.js';
import { DT, GraphBuilder, floatValue, intValue } from './graph-builder.js';
import { buildModelGraph, GraphUnsupportedError, type ModelGraph } from './model-graph.js';
import { buildNadamUpdate, type MomentGroup, type NadamGraph } from './nadam-graph.js';
import type { Precision } from './precision.js';

/** What one step reports: the batch's mean loss and its number of correct top-1 predictions. */
export interface StepResult {
  loss: number;
  correct: number;
}

/** A float32 tensor's value for a feed. */
const valueOf = (t: tf.Tensor): TensorValue => floatValue(t.dataSync() as Float32Array, t.shape);

/**
 * A model's whole training step (forward pass, loss, gradients, Nadam update) as one TensorFlow
 * graph, run in one session call per batch. The weights and the optimizer's moments live in the
 * session while training; `writeBack` copies them into the tfjs model and the Nadam object, so
 * checkpoints, evaluation and export work on the tfjs model as before. The Nadam object keeps the
 * step count and learning rate, and works out each step's coefficients (one formula for both engines).
 */
export class GraphStep {
  private constructor(
    private readonly addon: GraphAddon,
    private readonly session: SessionHandle,
    private readonly graph: ModelGraph,
    private readonly nadam: Nadam,
    private readonly update: NadamGraph,
    /** Placeholders and ops that load values into the session's variables. */
    private readonly loader: { feeds: OutputRef[]; op: string },
  ) {}

  /** Builds the graph of `model` trained by `optimizer` and loads the model's weights and the optimizer's moments into a new session. */
  static async create(model: tf.LayersModel, optimizer: tf.Optimizer, loss: TrainingLoss, precision: Precision): Promise<GraphStep> {
    if (!(optimizer instanceof Nadam)) throw new GraphUnsupportedError(`with the ${optimizer.getClassName()} optimizer (only Nadam)`);
    const addon = await loadGraphAddon();
    const g = new GraphBuilder(addon);
    const graph = buildModelGraph(g, model, loss, precision === 'bf16' ? DT.bfloat16 : DT.float32);
    const grads = addon.addGradients(g.graph, 'gradients', [graph.loss], graph.variables.map((v) => v.read));
    const missing = grads.findIndex((d) => d === null);
    if (missing >= 0) throw new GraphUnsupportedError(`${model.name}: its loss does not depend on ${graph.variables[missing]!.weight.name}`);
    const update = buildNadamUpdate(g, graph.variables, grads as OutputRef[], optimizer.beta1, optimizer.beta2);
    const momentShape = (group: MomentGroup) => (group.members.length === 1 ? graph.variables[group.members[0]!]!.weight.shape : [group.sizes.reduce((p, s) => p + s, 0)]);
    const handles = [...graph.variables.map((v) => ({ handle: v.handle, shape: v.weight.shape })), ...update.groups.flatMap((group) => [group.m, group.v].map((x) => ({ handle: x.handle, shape: momentShape(group) })))];
    const feeds = handles.map((h, i) => g.placeholder(`load/${i}`, DT.float32, h.shape as number[]));
    const op = g.group('load', handles.map((h, i) => g.assign(h.handle, feeds[i]!)));
    const session = addon.newSession(g.graph, new Uint8Array());
    const step = new GraphStep(addon, session, graph, optimizer, update, { feeds, op });
    step.load(optimizer);
    return step;
  }

  /** Loads the tfjs weights and Nadam moments into the session. */
  private load(nadam: Nadam): void {
    const weights = this.graph.variables.map((v) => v.weight.read() as tf.Variable);
    const slots = nadam.slotsFor(weights);
    // A group's moments are its members' moments end to end.
    const joined = (group: MomentGroup, which: 'm' | 'v') => {
      const parts = group.members.map((i) => slots[i]![which].dataSync() as Float32Array);
      const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((offset, p) => (out.set(p, offset), offset + p.length), 0);
      return floatValue(out, group.members.length === 1 ? slots[group.members[0]!]!.m.shape : [out.length]);
    };
    const values = [...weights.map(valueOf), ...this.update.groups.flatMap((group) => [joined(group, 'm'), joined(group, 'v')])];
    this.addon.run(this.session, values.map((value, i) => ({ output: this.loader.feeds[i]!, ...value })), [], [this.loader.op]);
  }

  /**
   * One step on `count` images (raw pixels [count, 28, 28, 1]) and their labels. Dropout masks are
   * drawn in tfjs with the same calls as its eager Dropout layers, in layer order, so both engines
   * draw the same masks from the same seeded stream. The inputs are copied before it returns and
   * the run goes on on a worker thread, so the caller can prepare the next batch meanwhile; the
   * next run must wait for this one.
   */
  async run(images: Float32Array, labels: Int32Array, count: number): Promise<StepResult> {
    const masks = this.graph.dropouts.map((d) => {
      const keep = 1 - d.rate;
      const mask = tf.tidy(() => tf.div(tf.floor(tf.add(tf.randomUniform([count, ...d.features], 0, 1, 'float32'), keep)), keep));
      const value = valueOf(mask);
      mask.dispose();
      return { output: d.mask, ...value };
    });
    const k = this.nadam.stepCoefficients();
    const inputShape = [count, ...this.graph.inputShape];
    const pending = this.addon.runAsync(
      this.session,
      [
        { output: this.graph.x, ...floatValue(images, inputShape) },
        { output: this.graph.labels, ...intValue(labels, [count]) },
        ...masks,
        { output: this.update.a, ...floatValue(k.a) },
        { output: this.update.b, ...floatValue(k.b) },
        { output: this.update.epsilon, ...floatValue(k.epsilon) },
      ],
      [this.graph.loss, this.graph.correct],
      [this.update.update],
    );
    this.nadam.countStep();
    const [loss, correct] = await pending;
    return { loss: loss!.data[0]!, correct: correct!.data[0]! };
  }

  /** Copies the session's weights into the tfjs model and its moments into the Nadam object. */
  writeBack(): void {
    const { groups } = this.update;
    const reads = [...this.graph.variables.map((v) => v.read), ...groups.flatMap((group) => [group.m.read, group.v.read])];
    const values = this.addon.run(this.session, [], reads, []);
    const weights = this.graph.variables.map((v) => v.weight.read() as tf.Variable);
    const slots = this.nadam.slotsFor(weights);
    const write = (target: tf.Variable, data: Float32Array) => {
      const t = tf.tensor(data, target.shape);
      target.assign(t);
      t.dispose();
    };
    weights.forEach((w, i) => write(w, values[i]!.data as Float32Array));
    groups.forEach((group, k) => {
      (['m', 'v'] as const).forEach((which, j) => {
        const data = values[weights.length + 2 * k + j]!.data as Float32Array;
        let offset = 0;
        group.members.forEach((i, n) => {
          write(slots[i]![which], data.subarray(offset, offset + group.sizes[n]!));
          offset += group.sizes[n]!;
        });
      });
    });
  }

  /** Closes the session (the weights it held are gone; call writeBack first). */
  dispose(): void {
    this.addon.closeSession(this.session);
  }
}
