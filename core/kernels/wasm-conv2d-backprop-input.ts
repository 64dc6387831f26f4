import * as tf from '@tensorflow/tfjs';

/** The part of the WASM backend this kernel uses (its class lives in @tensorflow/tfjs-backend-wasm, which core does not import). */
interface WasmBackendPart {
  disposeData(dataId: tf.TensorInfo['dataId']): boolean;
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

/** The filter turned 180 degrees with its input and output channels swapped. */
function turnedFilter(filter: tf.TensorInfo, backend: WasmBackendPart): tf.TensorInfo {
  const flipped = run('Reverse', { inputs: { x: filter }, backend, attrs: { dims: [0, 1] } });
  const turned = run('Transpose', { inputs: { x: flipped }, backend, attrs: { perm: [0, 1, 3, 2] } });
  backend.disposeData(flipped.dataId);
  return turned;
}

/**
 * dL/dx of a stride-1 2-D convolution as a forward convolution of dy with the filter turned
 * 180 degrees and its channels swapped, padded by (kernel - 1 - forward padding) on each side: the
 * WASM backend runs that through XNNPACK, while its own Conv2DBackpropInput is a plain loop.
 * Measured in Node on WASM, the shipped CNN's map (median of 10, machine shared): 299 ms with
 * the backend's kernel, 168 ms with this one; still several times the 17-29 ms of a prediction,
 * as each backward pass packs fresh copies of the filters. Other strides go to the backend's own kernel.
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
    // Not cached per filter: the tape hands every backward pass a fresh copy of the weights.
    (backend as WasmBackendPart).disposeData(turned.dataId);
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
