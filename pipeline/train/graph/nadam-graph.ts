import type { OutputRef } from '../../native/graph-addon.js';
import { DT, type GraphBuilder } from './graph-builder.js';
import type { GraphVariable } from './model-graph.js';

/** A variable of the graph: its handle and the op that reads it. */
interface Stored {
  handle: OutputRef;
  read: OutputRef;
}

/**
 * Variables whose update runs as one: their gradients and weights flattened into one vector, with
 * one first and one second moment vector for them all. `members` are indices into the variables,
 * `sizes` their element counts, in the order their values are laid out in m and v.
 */
export interface MomentGroup {
  members: number[];
  sizes: number[];
  m: Stored;
  v: Stored;
}

/** Nadam's update as graph ops, fed each step with the coefficients Nadam.stepCoefficients() works out. */
export interface NadamGraph {
  /** Scalar placeholders: var -= (a * m + b * g) / (sqrt(v) + epsilon). */
  a: OutputRef;
  b: OutputRef;
  epsilon: OutputRef;
  /** The moments, by group; every variable is in exactly one. */
  groups: MomentGroup[];
  /** The op that applies the whole update (every assignment). */
  update: string;
}

/**
 * Variables up to this many elements share one update. The update is element-wise, so grouping
 * changes no value; it saves the ~16 graph nodes a variable's own update costs, which dominate a
 * small model's step (LeNet-5's 14 variables), while large kernels stay apart so they are not
 * copied into a flat vector and back.
 */
export const GROUPED_UP_TO = 65_536;

/**
 * The same element-wise update as Nadam.applyGradients, op for op (nadam.ts has the formula), for
 * each group of variables and their gradients. Variables and moments stay float32 whatever the
 * compute dtype.
 */
export function buildNadamUpdate(g: GraphBuilder, variables: readonly GraphVariable[], grads: readonly OutputRef[], beta1: number, beta2: number): NadamGraph {
  const a = g.placeholder('nadam/a', DT.float32, []);
  const b = g.placeholder('nadam/b', DT.float32, []);
  const epsilon = g.placeholder('nadam/epsilon', DT.float32, []);
  const oneMinusBeta1 = g.scalar(1 - beta1);
  const oneMinusBeta2 = g.scalar(1 - beta2);
  const sizeOf = (i: number) => (variables[i]!.weight.shape as number[]).reduce((p, d) => p * d, 1);
  const indices = variables.map((_, i) => i);
  const small = indices.filter((i) => sizeOf(i) <= GROUPED_UP_TO);
  const memberLists = [...indices.filter((i) => sizeOf(i) > GROUPED_UP_TO).map((i) => [i]), ...(small.length ? [small] : [])];
  const assignments: string[] = [];
  const flat = (x: OutputRef) => g.op('Reshape', [x, g.ints([-1])]);
  const joined = (parts: OutputRef[]) => (parts.length === 1 ? parts[0]! : g.op('ConcatV2', [parts, g.constant({ dtype: DT.int32, shape: [], data: Int32Array.of(0) })]));
  const groups = memberLists.map((members, k) =>
    g.scope(`nadam/group${k}`, () => {
      const sizes = members.map(sizeOf);
      const total = sizes.reduce((p, s) => p + s, 0);
      const grad = members.length === 1 ? grads[members[0]!]! : joined(members.map((i) => flat(grads[i]!)));
      const weight = members.length === 1 ? variables[members[0]!]!.read : joined(members.map((i) => flat(variables[i]!.read)));
      const shape = members.length === 1 ? (variables[members[0]!]!.weight.shape as number[]) : [total];
      const m = g.variable('m', shape);
      const v = g.variable('v', shape);
      const newM = g.add(m.read, g.mul(g.sub(grad, m.read), oneMinusBeta1));
      const newV = g.add(v.read, g.mul(g.sub(g.unary('Square', grad), v.read), oneMinusBeta2));
      const numerator = g.add(g.mul(newM, a), g.mul(grad, b));
      const newW = g.sub(weight, g.div(numerator, g.add(g.unary('Sqrt', newV), epsilon)));
      assignments.push(g.assign(m.handle, newM), g.assign(v.handle, newV));
      if (members.length === 1) assignments.push(g.assign(variables[members[0]!]!.handle, newW));
      let offset = 0;
      if (members.length > 1) {
        members.forEach((i, j) => {
          const part = g.op('Slice', [newW, g.ints([offset]), g.ints([sizes[j]!])]);
          assignments.push(g.assign(variables[i]!.handle, g.op('Reshape', [part, g.ints(variables[i]!.weight.shape as number[])])));
          offset += sizes[j]!;
        });
      }
      return { members, sizes, m, v };
    }),
  );
  return { a, b, epsilon, groups, update: g.group('nadam/update', assignments) };
}
