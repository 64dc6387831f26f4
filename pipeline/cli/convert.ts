/**
 * `npm run convert`: a Keras .keras/.h5 file becomes a Fashion Lens model folder.
 * Exit codes: 0 written, 1 refused or failed (one sentence), 2 bad flags, 130 stopped by Ctrl-C (nothing written).
 */
import { requireNativeTensorflow } from '../native/require-native.js';
import { StopRequested } from '../shared/stop-requested.js';
import { CONVERT_USAGE, parseConvertArgs } from './convert-args.js';
import { startCommand } from './start-command.js';

startCommand({
  usage: CONVERT_USAGE,
  parse: parseConvertArgs,
  run: async (args) => {
    let stopping = false;
    process.on('SIGINT', () => {
      if (stopping) process.exit(130);
      stopping = true;
      console.error('\nStopping after this step; nothing is written. Ctrl-C again to quit now.');
    });
    await requireNativeTensorflow();
    const { runConvert } = await import('../run-convert.js');
    const { loadFashionMnist } = await import('../data/fashion-mnist.js');
    try {
      await runConvert(args, { loadData: () => loadFashionMnist({ dataDir: args.dataDir }), shouldStop: () => stopping, log: (line) => console.log(line) });
      return 0;
    } catch (error) {
      if (!(error instanceof StopRequested)) throw error;
      console.error(`${error.message} Nothing was written.`);
      return 130;
    }
  },
});
