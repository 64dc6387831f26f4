import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** The tensorflow-cpu wheel whose C library we stage when tfjs-node's own download fails. */
export const TENSORFLOW_CPU_VERSION = '2.15.1';

/** A directory holding a TensorFlow C library (lib/ + include/, or a Python `tensorflow/` package dir). */
export const LIBTENSORFLOW_DIR_ENV = 'FASHION_LENS_LIBTENSORFLOW_DIR';

/** The Python interpreter to look for TensorFlow in and to create the wheel's venv with. */
export const PYTHON_ENV = 'FASHION_LENS_PYTHON';

/** The libtensorflow version tfjs-node 4.22 downloads; its install script looks for this file name. */
export const TFJS_NODE_LIBTENSORFLOW_VERSION = '2.9.1';

/** User cache root: $XDG_CACHE_HOME/fashion-lens or ~/.cache/fashion-lens. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'fashion-lens');
}

/** The venv that holds PyPI's tensorflow-cpu (also used by the Keras benchmark). */
export function tensorflowVenvDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), `python-tensorflow-cpu-${TENSORFLOW_CPU_VERSION}`);
}

/** Root of the installed @tensorflow/tfjs-node package. */
export function tfjsNodeDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('@tensorflow/tfjs-node/package.json'), '..');
}

/** Where we record how the native library was provided (read by doctor and the pipeline). */
export function nativeStatusPath(): string {
  return join(tfjsNodeDir(), 'deps', 'fashion-lens-native.json');
}
