import { UserError } from '../shared/user-error.js';
import { nativeHelp } from './native-help.js';
import { readNativeStatus } from './native-status.js';

/** Raised when tfjs-node cannot run on native TensorFlow; its message is the one-paragraph fix. */
export class NativeUnavailableError extends UserError {
  override name = 'NativeUnavailableError';
  constructor(message: string) {
    super('native-unavailable', message);
  }
}

/**
 * Loads tfjs-node and checks it runs on the native 'tensorflow' backend. Refuses (no silent fallback
 * to the pure-JS CPU backend, which is ~1,000x slower for training) with the same paragraph
 * `npm install` printed. Returns the TensorFlow C library's version.
 */
export async function requireNativeTensorflow(): Promise<string> {
  const attempts = readNativeStatus()?.attempts ?? ['npm install did not record providing the library (were install scripts skipped?)'];
  let tf: typeof import('@tensorflow/tfjs-node');
  try {
    tf = await import('@tensorflow/tfjs-node');
  } catch (error) {
    throw new NativeUnavailableError(nativeHelp([...attempts, `loading @tensorflow/tfjs-node failed: ${(error as Error).message.split('\n')[0]}`]));
  }
  if (tf.getBackend() !== 'tensorflow') {
    throw new NativeUnavailableError(nativeHelp([...attempts, `tfjs-node loaded but its backend is '${tf.getBackend()}', not 'tensorflow'`]));
  }
  return (tf.backend() as unknown as { binding: { TF_Version: string } }).binding.TF_Version;
}
