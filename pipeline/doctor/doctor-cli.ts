/**
 * `npm run doctor`: what this machine gives Fashion Lens — the tfjs backend and TensorFlow version,
 * where the native library came from, where the dataset is, and whether Chromium is there.
 * Exits 1 when something the pipeline or the tests need is missing.
 */
import { quietTensorflowInfoLogs } from '../native/quiet-tensorflow-logs.js';
import { resolveDatasetDir } from '../data/resolve-dataset-dir.js';
import { nativeHelp } from '../native/native-help.js';
import { readNativeStatus } from '../native/native-status.js';
import { requireNativeTensorflow } from '../native/require-native.js';
import { findChromium } from './find-chromium.js';

async function main(): Promise<number> {
  quietTensorflowInfoLogs();
  let ok = true;
  const status = readNativeStatus();
  try {
    const version = await requireNativeTensorflow();
    const tf = await import('@tensorflow/tfjs-node');
    console.log(`tfjs backend:      ${tf.getBackend()} (tfjs-node ${tf.version['tfjs-node']})`);
    console.log(`TensorFlow:        ${version}`);
  } catch (error) {
    ok = false;
    console.log(`tfjs backend:      NOT native\n${(error as Error).message}`);
  }
  console.log(`library source:    ${status ? `${status.source}${status.from ? ` (${status.from})` : ''}, installed ${status.at} in ${status.seconds.toFixed(1)} s` : 'not recorded (install scripts skipped?)'}`);
  if (status && !status.ok) console.log(nativeHelp(status.attempts));
  try {
    const data = await resolveDatasetDir({ download: false });
    console.log(`Fashion-MNIST:     ${data.dir} (${data.how})`);
  } catch (error) {
    ok = false;
    console.log(`Fashion-MNIST:     NOT FOUND — ${(error as Error).message}`);
  }
  const chromium = findChromium();
  console.log(`Chromium:          ${typeof chromium === 'string' ? chromium : `${chromium.version} (${chromium.path})`}`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
