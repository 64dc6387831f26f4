import * as tf from '@tensorflow/tfjs';

/** The part of the WASM backend this kernel uses (its class lives in @tensorflow/tfjs-backend-wasm, which core does not import). */
interface WasmBackendPart {
  readSync(dataId: tf.TensorInfo['dataId']): tf.backend_util.BackendValues;
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: tf.backend_util.BackendValues): tf.TensorInfo;
}

interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dL/dfilter of a 2-D convolution (NHWC), in plain JavaScript: the WASM backend has no
 * Conv2DBackpropFilter kernel. Explanations never want the filter's gradient, but tfjs' fused
 * convolution (what a Conv2D layer with a linear activation runs, LeNet-5's here) computes it
 * with the input's whenever a gradient passes through, so without this kernel no gradient
 * reaches LeNet-5's input on WASM. Same loops as the CPU backend's kernel; LeNet-5's filters
 * are small, so it costs about a millisecond.
 */
function conv2dBackpropFilter({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  if (dataFormat !== 'NHWC') throw new Error(`The WASM Conv2DBackpropFilter kernel supports NHWC only, got ${dataFormat}.`);
  const wasm = backend as WasmBackendPart;
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
  const { strideHeight, strideWidth, filterHeight, filterWidth, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, batchSize } = info;
  const xs = wasm.readSync(x.dataId) as Float32Array;
  const dys = wasm.readSync(dy.dataId) as Float32Array;
  const dW = new Float32Array(filterHeight * filterWidth * inChannels * outChannels);
  const { top, left } = info.padInfo;
  for (let wR = 0; wR < filterHeight; wR++) {
    const yRMin = Math.max(0, Math.ceil((top - wR) / strideHeight));
    const yRMax = Math.min(outHeight, (inHeight + top - wR) / strideHeight);
    for (let wC = 0; wC < filterWidth; wC++) {
      const yCMin = Math.max(0, Math.ceil((left - wC) / strideWidth));
      const yCMax = Math.min(outWidth, (inWidth + left - wC) / strideWidth);
      for (let d1 = 0; d1 < inChannels; d1++)
        for (let d2 = 0; d2 < outChannels; d2++) {
          let sum = 0;
          for (let b = 0; b < batchSize; b++)
            for (let yR = yRMin; yR < yRMax; yR++) {
              const xR = wR + yR * strideHeight - top;
              for (let yC = yCMin; yC < yCMax; yC++) {
                const xC = wC + yC * strideWidth - left;
                sum += xs[((b * inHeight + xR) * inWidth + xC) * inChannels + d1]! * dys[((b * outHeight + yR) * outWidth + yC) * outChannels + d2]!;
              }
            }
          dW[((wR * filterWidth + wC) * inChannels + d1) * outChannels + d2] = sum;
        }
    }
  }
  return wasm.makeOutput(filterShape, 'float32', undefined, dW);
}

// Registers itself on import (as core's layers do), for the WASM backend only, once.
if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc });
