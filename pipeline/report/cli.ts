/**
 * `npm run report`: rebuilds <out>/report/ from the exported models, their metadata, the
 * project's real product photos and the Fashion-MNIST test set, without training. The only file of
 * the report that reads argv or exits.
 * Exit codes: 0 written, 1 failed (no models, bad metadata, no dataset), 2 bad flags.
 */
import { quietTensorflowInfoLogs } from '../native/quiet-tensorflow-logs.js';
import { parseArgs } from 'node:util';
import { describeFailure, exitWith } from '../describe-failure.js';
import { requireNativeTensorflow } from '../native/require-native.js';

const verbose = () => process.argv.includes('--verbose');

export const REPORT_USAGE = `Usage: npm run report -- [options]

Rebuilds the training report (index.html, metrics.json, charts) from the exported models,
without training: the shipped models, the robustness suite and the real product photos
(tests/fixtures/shop-photos) for every export, the seed and shop recipes side by side, and the
conversion's round trip. Run \`npm run pipeline\` first.

Options:
  --out <dir>        Output root the pipeline wrote: reads <dir>/models (and <dir>/comparisons:
                     --recipe seed, --rbf), writes <dir>/report (default: artifacts)
  --data-dir <dir>   Folder with the four Fashion-MNIST IDX files (default: as the pipeline finds them)
  --verbose          Print a failure's stack trace (for bug reports)
  -h, --help         Show this help
`;

async function main(): Promise<number> {
  quietTensorflowInfoLogs();
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), strict: true, allowPositionals: false, options: { out: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, verbose: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message.replace(/\. To specify.*$/s, '.')}\n\n${REPORT_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  try {
    await requireNativeTensorflow();
    const { writeReport } = await import('./write-report.js');
    const written = await writeReport(values.out ?? 'artifacts', { dataDir: values['data-dir'], log: (line) => console.log(line) });
    console.log(`Report: ${written.indexPath}`);
    return 0;
  } catch (error) {
    // Expected failures are one sentence saying what to do; anything else says how to see its stack.
    console.error(describeFailure(error, verbose()));
    return 1;
  }
}

exitWith(main, verbose);
