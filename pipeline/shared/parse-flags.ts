import { parseArgs } from 'node:util';
import { UserError } from './user-error.js';

/** A bad command line: the command prints the sentence and its usage, and exits 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(message: string) {
    super('usage', message);
  }
}

/** The flags a command takes: each a string (`--name value`) or a switch (`--name`), optionally with a one-letter alias. */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

type FlagValues<S extends FlagSpec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

/**
 * Reads `argv` (without node and the script) against `spec`, token by token (node:util's
 * parseArgs with tokens), and throws a UsageError saying which argument is wrong and how: an
 * unknown flag, a flag that needs a value and has none, a switch given a value, or more
 * positionals than `maxPositionals`. Pure.
 */
export function parseFlags<S extends FlagSpec>(argv: string[], spec: S, maxPositionals = 0): { values: FlagValues<S>; positionals: string[] } {
  const { tokens } = parseArgs({ args: argv, options: spec, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = spec[token.name];
    if (!flag) throw new UsageError(`${token.rawName} is not an option of this command; see the options below.`);
    if (flag.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value, e.g. ${token.rawName} <value>.`);
    if (flag.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (got "${token.value}").`);
    values[token.name] = token.value ?? true;
  }
  if (positionals.length > maxPositionals) {
    const takes = maxPositionals === 0 ? 'no arguments' : `at most ${maxPositionals} argument${maxPositionals === 1 ? '' : 's'}`;
    throw new UsageError(`This command takes ${takes} besides its options (got ${positionals.map((p) => `"${p}"`).join(', ')}); see the options below.`);
  }
  return { values: values as FlagValues<S>, positionals };
}
