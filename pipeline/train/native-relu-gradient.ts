import * as tf from '@tensorflow/tfjs-node';

interface NativeBackend {
  binding: { TF_ATTR_TYPE: number; TF_FLOAT: number };
  executeSingleOutput(name: string, attrs: { name: string; type: number; value: number }[], inputs: tf.Tensor[]): tf.Tensor;
}

/**
 * Makes ReLU's gradient one native TensorFlow op (ReluGrad) instead of tfjs' `dy * step(x)`.
 *
 * Why: on tfjs-node, `step` is emulated with IsNan + Greater + Fill + Select + ones (tfjs-node's
 * kernels/Step.js), so every ReLU's backward pass cost ~7 full-size ops. Profiling one training
 * step of the seed CNN showed those at ~25 of ~150 ms of kernel time (bench/train-throughput.ts
 * measures the effect). Falls back to tfjs' formula on other backends.
 */
export function registerNativeReluGradient(): void {
  tf.registerGradient({
    kernelName: tf.Relu,
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const [x] = saved as [tf.Tensor];
      const grad = dy as tf.Tensor;
      return {
        x: () => {
          if (tf.getBackend() !== 'tensorflow' || x.dtype !== 'float32') return tf.mul(grad, tf.cast(tf.step(x), 'float32'));
          const backend = tf.backend() as unknown as NativeBackend;
          const t = { name: 'T', type: backend.binding.TF_ATTR_TYPE, value: backend.binding.TF_FLOAT };
          return backend.executeSingleOutput('ReluGrad', [t], [grad, x]);
        },
      };
    },
  });
}
