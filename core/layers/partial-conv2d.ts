import * as tf from '@tensorflow/tfjs';
import { LENET_C3_CONNECTIONS } from './lenet-c3-connections.js';
import { checkPositiveInteger, knownChannels, singleInput, singleShape, type LayerArgs } from './layer-args.js';

/** Arguments of the PartialConv2D layer. */
export interface PartialConv2DArgs extends LayerArgs {
  /** connections[o] lists the input maps output map o sees. Defaults to LeNet-5's C3 table. */
  connections?: readonly (readonly number[])[];
  /** Side of the square kernel (valid padding, stride 1). LeNet-5 uses 5. */
  kernelSize?: number;
  /** Seed of the kernel's initial values, for reproducible models. */
  seed?: number;
}

/**
 * Where each element of the full [k, k, inChannels, outMaps] kernel (row-major) comes from in the
 * stored vector of connected weights: its position there, or `connectedCount` (a slot that
 * always holds 0) when the output map does not see that input map. The stored weights are laid
 * out map by map, connection by connection, each a k*k block in row-major order.
 */
export function partialKernelIndex(connections: readonly (readonly number[])[], inChannels: number, kernelSize: number): { index: Int32Array; connectedCount: number } {
  const area = kernelSize * kernelSize;
  const outMaps = connections.length;
  const connectedCount = connections.reduce((n, c) => n + c.length, 0) * area;
  const index = new Int32Array(area * inChannels * outMaps).fill(connectedCount);
  let block = 0;
  connections.forEach((inputs, out) => {
    for (const input of inputs) {
      for (let cell = 0; cell < area; cell++) index[(cell * inChannels + input) * outMaps + out] = block * area + cell;
      block++;
    }
  });
  return { index, connectedCount };
}

/** Checks a connection table against the number of input maps; throws a sentence naming the bad entry. */
function checkConnections(connections: readonly (readonly number[])[], inChannels: number): void {
  connections.forEach((inputs, out) => {
    const bad = inputs.find((i) => !Number.isInteger(i) || i < 0 || i >= inChannels);
    if (inputs.length === 0 || bad !== undefined || new Set(inputs).size !== inputs.length) {
      throw new Error(`PartialConv2D: connections[${out}] = [${inputs.join(', ')}] must list distinct input maps 0..${inChannels - 1}, at least one.`);
    }
  });
}

/**
 * A valid, stride-1 convolution in which each output map sees only some input maps: LeNet-5's C3
 * (LeCun et al. 1998, Table I). Only the connected weights exist (1,500 + 16 biases = 1,516
 * trainable parameters for C3); call() gathers them, with a constant index, into a full kernel
 * whose unconnected entries are exact zeros. So unconnected inputs contribute nothing, receive
 * no gradient, and the optimizer never sees a weight the paper does not have, while the
 * convolution itself is still one fast conv2d.
 *
 * Initialisation: uniform +-sqrt(3 / fanIn) per output map, where fanIn = k*k*(maps it sees):
 * the LeCun-uniform rule, which with f(a) = 1.7159 tanh(2a/3) keeps unit variance layer to layer
 * (LeCun et al., "Efficient BackProp", 1998). Biases start at 0.
 */
export class PartialConv2D extends tf.layers.Layer {
  static className = 'PartialConv2D';
  readonly connections: readonly (readonly number[])[];
  readonly kernelSize: number;
  readonly seed?: number;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;
  private kernelIndex?: Int32Array;
  private inChannels = 0;

  constructor(args: PartialConv2DArgs = {}) {
    const { connections = LENET_C3_CONNECTIONS, kernelSize = 5, seed, ...base } = args;
    super(base);
    checkPositiveInteger(kernelSize, 'PartialConv2D', 'kernelSize');
    if (connections.length === 0) throw new Error('PartialConv2D: connections must list at least one output map.');
    this.connections = connections.map((c) => [...c]);
    this.kernelSize = kernelSize;
    this.seed = seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const inChannels = knownChannels(inputShape, 'PartialConv2D');
    checkConnections(this.connections, inChannels);
    const { index, connectedCount } = partialKernelIndex(this.connections, inChannels, this.kernelSize);
    this.inChannels = inChannels;
    this.kernelIndex = index;
    this.kernel = this.addWeight('kernel', [connectedCount], 'float32', tf.initializers.zeros());
    this.bias = this.addWeight('bias', [this.connections.length], 'float32', tf.initializers.zeros());
    const area = this.kernelSize * this.kernelSize;
    const limits = Float32Array.from(this.connections.flatMap((inputs) => new Array<number>(inputs.length * area).fill(Math.sqrt(3 / (inputs.length * area)))));
    const initial = tf.tidy(() => tf.mul(tf.randomUniform([connectedCount], -1, 1, 'float32', this.seed), tf.tensor1d(limits)));
    this.kernel.write(initial);
    initial.dispose();
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [batch, height, width] = singleShape(inputShape);
    const valid = (d: number | null | undefined) => (typeof d === 'number' ? d - this.kernelSize + 1 : null);
    return [batch ?? null, valid(height), valid(width), this.connections.length];
  }

  /** The full [k, k, inChannels, outMaps] kernel, zero where a map is not connected. */
  fullKernel(): tf.Tensor4D {
    return tf.tidy(() => {
      const padded = tf.concat([this.kernel!.read(), tf.zeros([1])]);
      const full = tf.gather(padded, tf.tensor1d(this.kernelIndex!, 'int32'));
      return tf.reshape(full, [this.kernelSize, this.kernelSize, this.inChannels, this.connections.length]);
    });
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = singleInput(inputs) as tf.Tensor4D;
      return tf.add(tf.conv2d(x, this.fullKernel(), 1, 'valid'), this.bias!.read());
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = { ...super.getConfig(), connections: this.connections.map((c) => [...c]), kernelSize: this.kernelSize };
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }
}
tf.serialization.registerClass(PartialConv2D);

/** Creates a partially connected convolution; with no connections given, LeNet-5's C3. */
export function partialConv2d(args: PartialConv2DArgs = {}): PartialConv2D {
  return new PartialConv2D(args);
}
