import type { OutputRef } from '../../native/graph-addon.js';
import { DT, type GraphBuilder } from './graph-builder.js';
import type { GraphVariable } from './model-graph.js';

/** Nadam's update as graph ops, fed each step with the coefficients Nadam.stepCoefficients() works out. */
export interface NadamGraph {
  /** Scalar placeholders: var -= (a * m + b * g) / (sqrt(v) + epsilon). */
  a: OutputRef;
  b: OutputRef;
  epsilon: OutputRef;
  /** First and second moment of each variable, in the variables' order. */
  slots: { m: { handle: OutputRef; read: OutputRef }; v: { handle: OutputRef; read: OutputRef } }[];
  /** The op that applies the whole update (every assignment). */
  update: string;
}

/**
 * The same element-wise update as Nadam.applyGradients, op for op (nadam.ts has the formula), for
 * each variable and its gradient. Variables and moments stay float32 whatever the compute dtype.
 */
export function buildNadamUpdate(g: GraphBuilder, variables: readonly GraphVariable[], grads: readonly OutputRef[], beta1: number, beta2: number): NadamGraph {
  const a = g.placeholder('nadam/a', DT.float32, []);
  const b = g.placeholder('nadam/b', DT.float32, []);
  const epsilon = g.placeholder('nadam/epsilon', DT.float32, []);
  const oneMinusBeta1 = g.scalar(1 - beta1);
  const oneMinusBeta2 = g.scalar(1 - beta2);
  const assignments: string[] = [];
  const slots = variables.map((variable, i) =>
    g.scope(`nadam/${variable.handle[0]}`, () => {
      const grad = grads[i]!;
      const shape = variable.weight.shape as number[];
      const m = g.variable('m', shape);
      const v = g.variable('v', shape);
      const newM = g.add(m.read, g.mul(g.sub(grad, m.read), oneMinusBeta1));
      const newV = g.add(v.read, g.mul(g.sub(g.unary('Square', grad), v.read), oneMinusBeta2));
      const numerator = g.add(g.mul(newM, a), g.mul(grad, b));
      const newW = g.sub(variable.read, g.div(numerator, g.add(g.unary('Sqrt', newV), epsilon)));
      assignments.push(g.assign(m.handle, newM), g.assign(v.handle, newV), g.assign(variable.handle, newW));
      return { m, v };
    }),
  );
  return { a, b, epsilon, slots, update: g.group('nadam/update', assignments) };
}
