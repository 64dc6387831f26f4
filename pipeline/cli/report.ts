/**
 * `npm run report`: rebuilds <out>/report/ from the exported models, their metadata, the real
 * product photos and the Fashion-MNIST test set, without training.
 * Exit codes: 0 written, 1 failed (no models, bad metadata, no dataset), 2 bad flags.
 */
import { requireNativeTensorflow } from '../native/require-native.js';
import { parseFlags } from '../shared/parse-flags.js';
import { PIPELINE_DEFAULTS } from './pipeline-args.js';
import { startCommand } from './start-command.js';

export const REPORT_USAGE = `Usage: npm run report -- [options]

Rebuilds the training report (index.html, metrics.json, charts) from the exported models,
without training: the shipped models, the robustness suite and the real product photos
for every export, the seed and shop recipes side by side, and the conversion's round trip.
Run \`npm run pipeline\` first.

Options:
  --out <dir>        Output root the pipeline wrote: reads <dir>/models (and <dir>/comparisons:
                     --recipe seed, --rbf), writes <dir>/report (default: ${PIPELINE_DEFAULTS.outDir})
  --data-dir <dir>   Folder with the four Fashion-MNIST IDX files (default: as the pipeline finds them)
  --verbose          Print a failure's stack trace (for bug reports)
  -h, --help         Show this help
`;

const FLAGS = { out: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, verbose: { type: 'boolean' } } as const;

/** Parses argv (without node and script). Pure: throws UsageError, never exits. */
export function parseReportArgs(argv: string[]) {
  const v = parseFlags(argv, FLAGS).values;
  return { outDir: v.out ?? PIPELINE_DEFAULTS.outDir, dataDir: v['data-dir'], help: v.help ?? false, verbose: v.verbose ?? false };
}

startCommand({
  usage: REPORT_USAGE,
  parse: parseReportArgs,
  run: async (args) => {
    await requireNativeTensorflow();
    const { writeReport } = await import('../report/write-report.js');
    const written = await writeReport(args.outDir, { dataDir: args.dataDir, log: (line) => console.log(line) });
    console.log(`Report: ${written.indexPath}`);
    return 0;
  },
});
