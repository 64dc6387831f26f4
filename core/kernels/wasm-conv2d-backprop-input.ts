import * as tf from '@tensorflow/tfjs';

/** The part of the WASM backend this kernel uses (its class lives in @tensorflow/tfjs-backend-wasm, which core does not import). */
interface WasmBackendPart {
  disposeData(dataId: tf.TensorInfo['dataId']): boolean;
  typedArrayFromHeap(tensor: tf.TensorInfo): tf.backend_util.TypedArray;
}

interface Attrs {
  inputShape: [number, number, number, number];
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

type KernelArgs = Parameters<tf.KernelFunc>[0];

const run = (name: string, args: Omit<KernelArgs, 'backend'> & { backend: unknown }): tf.TensorInfo => tf.getKernel(name, 'wasm')!.kernelFunc(args as KernelArgs) as tf.TensorInfo;

/** Turned filters kept (a model's convolutions; the oldest is freed beyond this). */
const MAX_TURNED = 32;
/** Turned filters by the weights they were made from: shape and a hash, then every value compared. */
const turnedFilters = new Map<string, { weights: Float32Array; turned: tf.TensorInfo }>();

/** FNV-1a over the float32 bits. */
function hashOf(values: Float32Array): number {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  let hash = 0x811c9dc5;
  for (let i = 0; i < bits.length; i++) hash = Math.imul(hash ^ bits[i]!, 0x01000193);
  return hash >>> 0;
}

const sameValues = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * The filter turned 180 degrees with its input and output channels swapped, made once per set of
 * weights. The tape hands every backward pass a fresh copy of the weights (a new tensor each
 * time), so the cache goes by the values, not the tensor: made anew, the turned filter would also
 * make XNNPACK pack it anew on every map, which cost more than the convolution itself.
 */
function turnedFilter(filter: tf.TensorInfo, backend: WasmBackendPart): tf.TensorInfo {
  const values = backend.typedArrayFromHeap(filter) as Float32Array;
  const key = `${filter.shape.join('x')}:${hashOf(values)}`;
  const known = turnedFilters.get(key);
  if (known && sameValues(known.weights, values)) return known.turned;
  // Copied before any kernel runs: a kernel may grow the WASM heap, which detaches the view.
  const weights = values.slice();
  const flipped = run('Reverse', { inputs: { x: filter }, backend, attrs: { dims: [0, 1] } });
  const turned = run('Transpose', { inputs: { x: flipped }, backend, attrs: { perm: [0, 1, 3, 2] } });
  backend.disposeData(flipped.dataId);
  if (known) backend.disposeData(known.turned.dataId);
  turnedFilters.delete(key);
  turnedFilters.set(key, { weights, turned });
  if (turnedFilters.size > MAX_TURNED) {
    const [oldest, entry] = turnedFilters.entries().next().value!;
    backend.disposeData(entry.turned.dataId);
    turnedFilters.delete(oldest);
  }
  return turned;
}

/**
 * dL/dx of a stride-1 2-D convolution as a forward convolution of dy with the filter turned
 * 180 degrees and its channels swapped, padded by (kernel - 1 - forward padding) on each side: the
 * WASM backend runs that through XNNPACK, while its own Conv2DBackpropInput is a plain loop that
 * took most of the CNN map's time. Other strides go to the backend's own kernel.
 */
function fastBackpropInput(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const { inputShape, strides, pad, dataFormat, dimRoundingMode } = attrs as unknown as Attrs;
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode);
    if (dataFormat !== 'NHWC' || info.strideHeight !== 1 || info.strideWidth !== 1) return original(args);
    const { filterHeight: kh, filterWidth: kw, padInfo } = info;
    const turned = turnedFilter(filter, backend as WasmBackendPart);
    const padding: tf.backend_util.ExplicitPadding = [[0, 0], [kh - 1 - padInfo.top, kh - 1 - padInfo.bottom], [kw - 1 - padInfo.left, kw - 1 - padInfo.right], [0, 0]];
    const dx = run('Conv2D', { inputs: { x: dy, filter: turned }, backend, attrs: { strides: 1, pad: padding, dataFormat: 'NHWC', dilations: 1 } });
    return dx;
  };
}

let installed: tf.KernelFunc | null = null;

/**
 * Puts fastBackpropInput in place of the WASM backend's Conv2DBackpropInput (keeping the original
 * for other strides). Called by each explanation rather than at import: the WASM backend registers
 * its own kernels when it is imported, possibly after core, and the last registration wins.
 */
export function installFastWasmConv2dBackpropInput(): void {
  const current = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (!current || current.kernelFunc === installed) return;
  installed = fastBackpropInput(current.kernelFunc);
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel({ ...current, kernelFunc: installed });
}
