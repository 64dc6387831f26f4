/**
 * `npm install`'s postinstall step: provides native TensorFlow for tfjs-node (see
 * install-native-tensorflow.ts). Always exits 0 so `npm install` finishes; on failure it prints the
 * one-paragraph fix, and the pipeline refuses to start with the same paragraph.
 */
import { buildGraphAddon } from '../native/build-graph-addon.js';
import { installNativeTensorflow } from '../native/install-native-tensorflow.js';
import { nativeHelp } from '../native/native-help.js';

const status = installNativeTensorflow(process.cwd());
if (status.ok) {
  console.log(
    `fashion-lens: native TensorFlow ${status.tensorflowVersion} ready for tfjs-node (source: ${status.source}` +
      `${status.from ? `, ${status.from}` : ''}; ${status.seconds.toFixed(1)} s).`,
  );
  // The graph training engine's addon links the same library; without it training runs eagerly (and says so).
  const graphError = buildGraphAddon();
  console.log(graphError ? `fashion-lens: ${graphError}; training will use the eager engine.` : 'fashion-lens: graph-training addon built (pipeline/native/graph).');
} else {
  console.warn('\n' + nativeHelp(status.attempts) + '\n');
}
