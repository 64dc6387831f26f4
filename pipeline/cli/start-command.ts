import { quietTensorflowInfoLogs } from '../native/quiet-tensorflow-logs.js';
import { UsageError } from '../shared/parse-flags.js';
import { exitWith } from './describe-failure.js';

/** What every command is: its usage text, a pure parser of its argv, and what it runs. */
export interface Command<A extends { help: boolean; verbose: boolean }> {
  usage: string;
  parse: (argv: string[]) => A;
  /** Runs the command and returns its exit code; a failure it throws is described (describeFailure) and exits 1. */
  run: (args: A) => Promise<number>;
}

/**
 * The start-up every command shares: TensorFlow's info logs quieted, argv parsed (a UsageError
 * prints its sentence and the usage, exit 2), --help printed (exit 0), then the command run; a
 * failure is printed as describeFailure says, with its stack under --verbose, and exits 1.
 */
export function startCommand<A extends { help: boolean; verbose: boolean }>(command: Command<A>): void {
  let verbose = false;
  exitWith(async () => {
    quietTensorflowInfoLogs();
    let args: A;
    try {
      args = command.parse(process.argv.slice(2));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`${error.message}\n\n${command.usage}`);
      return 2;
    }
    verbose = args.verbose;
    if (args.help) {
      console.log(command.usage);
      return 0;
    }
    return command.run(args);
  }, () => verbose);
}
