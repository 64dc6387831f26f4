import { LIBTENSORFLOW_DIR_ENV, PYTHON_ENV, TENSORFLOW_CPU_VERSION } from './native-config.js';

/**
 * The one paragraph shown when no way of providing native TensorFlow worked: by `npm install`,
 * and again by the pipeline, which refuses to train on the pure-JS CPU backend (~1,000x slower).
 */
export function nativeHelp(attempts: readonly string[]): string {
  const tried = attempts.length ? `\nWhat was tried:\n${attempts.map((a) => `  - ${a}`).join('\n')}\n` : '';
  return (
    `Fashion Lens needs TensorFlow's native C library for @tensorflow/tfjs-node, and could not provide it.${tried}\n` +
    `Fix it one of three ways, then run \`npm rebuild @tensorflow/tfjs-node --foreground-scripts && npm run postinstall\` (or \`npm install\` again): ` +
    `(1) set ${LIBTENSORFLOW_DIR_ENV} to a directory holding libtensorflow (lib/ and include/ from a libtensorflow tarball, ` +
    `or the tensorflow/ folder of an installed TensorFlow Python package); ` +
    `(2) install TensorFlow for Python (\`pip install tensorflow-cpu==${TENSORFLOW_CPU_VERSION}\`; set ${PYTHON_ENV} if it is not \`python3\`); ` +
    `(3) allow access to pypi.org so the install can fetch tensorflow-cpu==${TENSORFLOW_CPU_VERSION} into its cache itself ` +
    `(or to storage.googleapis.com, where tfjs-node downloads libtensorflow). A C++ compiler, make and Python 3 are needed to build the addon.`
  );
}
