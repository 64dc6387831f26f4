/**
 * `npm run doctor`: what this machine gives Fashion Lens — the tfjs backend and TensorFlow version,
 * where the native library came from, where the dataset is, and whether Chromium is there.
 * Exits 1 when something the pipeline or the tests need is missing.
 */
import { resolveDatasetDir } from '../data/resolve-dataset-dir.js';
import { loadGraphAddon } from '../native/graph-addon.js';
import { nativeHelp } from '../native/native-help.js';
import { readNativeStatus } from '../native/native-status.js';
import { requireNativeTensorflow } from '../native/require-native.js';
import { parseFlags } from '../shared/parse-flags.js';
import { defaultPrecision } from '../train/graph/precision.js';
import { findChromium } from './find-chromium.js';
import { startCommand } from './start-command.js';

const USAGE = `Usage: npm run doctor

Says what this machine gives Fashion Lens: the tfjs backend and TensorFlow version, where the
native library came from, whether the graph training engine is built and its default precision,
where Fashion-MNIST is, and which Chromium the end-to-end tests use.
Exits 1 when something the pipeline or the tests need is missing.
`;

const FLAGS = { help: { type: 'boolean', short: 'h' }, verbose: { type: 'boolean' } } as const;

async function run(): Promise<number> {
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
  const precision = defaultPrecision();
  const graph = await loadGraphAddon().then(
    () => `built; default precision ${precision.precision} (${precision.why})`,
    (error: Error) => `NOT AVAILABLE, training runs eagerly: ${error.message}`,
  );
  console.log(`graph training:    ${graph}`);
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

startCommand({
  usage: USAGE,
  parse: (argv) => {
    const v = parseFlags(argv, FLAGS).values;
    return { help: v.help ?? false, verbose: v.verbose ?? false };
  },
  run,
});
