import type { AttrValue, GraphAddon, GraphHandle, OutputRef, TensorValue } from '../../native/graph-addon.js';

/** TensorFlow's numbers for the dtypes the training graph uses (tensorflow/c/tf_datatype.h). */
export const DT = { float32: 1, int32: 3, bfloat16: 14 } as const;
export type DType = (typeof DT)[keyof typeof DT];

/** A float32 tensor value (shape [] for a scalar). */
export const floatValue = (data: Float32Array | number, shape: readonly number[] = []): TensorValue => ({
  dtype: DT.float32,
  shape,
  data: typeof data === 'number' ? Float32Array.of(data) : data,
});

/** An int32 tensor value. */
export const intValue = (data: Int32Array | readonly number[], shape: readonly number[] = [data.length]): TensorValue => ({
  dtype: DT.int32,
  shape,
  data: data instanceof Int32Array ? data : Int32Array.from(data),
});

/**
 * Builds a TensorFlow graph op by op with short helpers, naming each op under the current scope
 * (`conv1/Conv2D_3`), so TensorFlow's own error messages point at the layer they come from.
 */
export class GraphBuilder {
  readonly graph: GraphHandle;
  private counter = 0;
  private scopeName = '';

  constructor(readonly addon: GraphAddon) {
    this.graph = addon.newGraph();
  }

  /** Runs `fn` with op names under `name/`. */
  scope<T>(name: string, fn: () => T): T {
    const outer = this.scopeName;
    this.scopeName = `${outer}${name}/`;
    try {
      return fn();
    } finally {
      this.scopeName = outer;
    }
  }

  /** Adds an op and returns its name. */
  node(type: string, inputs: readonly (OutputRef | readonly OutputRef[])[] = [], attrs: readonly AttrValue[] = [], opts: { name?: string; controlInputs?: readonly string[] } = {}): string {
    const name = `${this.scopeName}${opts.name ?? `${type}_${this.counter++}`}`;
    this.addon.addOperation(this.graph, { type, name, inputs, attrs, controlInputs: opts.controlInputs });
    return name;
  }

  /** Adds an op and returns its first output. */
  op(type: string, inputs: readonly (OutputRef | readonly OutputRef[])[] = [], attrs: readonly AttrValue[] = [], opts: { name?: string; controlInputs?: readonly string[] } = {}): OutputRef {
    return [this.node(type, inputs, attrs, opts), 0];
  }

  placeholder(name: string, dtype: DType, shape: readonly number[]): OutputRef {
    return this.op('Placeholder', [], [{ name: 'dtype', kind: 'type', value: dtype }, { name: 'shape', kind: 'shape', value: shape }], { name });
  }

  constant(value: TensorValue, name?: string): OutputRef {
    return this.op('Const', [], [{ name: 'dtype', kind: 'type', value: value.dtype }, { name: 'value', kind: 'tensor', value }], { name });
  }

  scalar(value: number, dtype: DType = DT.float32): OutputRef {
    const c = this.constant(floatValue(value));
    return dtype === DT.float32 ? c : this.cast(c, dtype);
  }

  ints(values: readonly number[]): OutputRef {
    return this.constant(intValue(values));
  }

  cast(x: OutputRef, to: DType): OutputRef {
    return this.op('Cast', [x], [{ name: 'DstT', kind: 'type', value: to }]);
  }

  add = (a: OutputRef, b: OutputRef) => this.op('AddV2', [a, b]);
  sub = (a: OutputRef, b: OutputRef) => this.op('Sub', [a, b]);
  mul = (a: OutputRef, b: OutputRef) => this.op('Mul', [a, b]);
  div = (a: OutputRef, b: OutputRef) => this.op('RealDiv', [a, b]);
  unary = (type: string, x: OutputRef) => this.op(type, [x]);

  reduce(type: 'Sum' | 'Mean', x: OutputRef, axes: readonly number[]): OutputRef {
    return this.op(type, [x, this.ints(axes)], [{ name: 'keep_dims', kind: 'bool', value: false }]);
  }

  /** A resource variable of `shape`, and the op that reads it. */
  variable(name: string, shape: readonly number[]): { handle: OutputRef; read: OutputRef } {
    const handle = this.op('VarHandleOp', [], [
      { name: 'dtype', kind: 'type', value: DT.float32 },
      { name: 'shape', kind: 'shape', value: shape },
      { name: 'shared_name', kind: 'string', value: `${this.scopeName}${name}` },
    ], { name });
    const read = this.op('ReadVariableOp', [handle], [{ name: 'dtype', kind: 'type', value: DT.float32 }], { name: `${name}/read` });
    return { handle, read };
  }

  /** An op that writes `value` into the variable behind `handle`; returns its name. */
  assign(handle: OutputRef, value: OutputRef): string {
    return this.node('AssignVariableOp', [handle, value], [{ name: 'dtype', kind: 'type', value: DT.float32 }]);
  }

  /** A NoOp that runs after every op in `names`: running it runs them all. */
  group(name: string, names: readonly string[]): string {
    return this.node('NoOp', [], [], { name, controlInputs: names });
  }
}
