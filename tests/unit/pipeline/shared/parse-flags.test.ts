import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../../../pipeline/shared/parse-flags.js';
import { UserError } from '../../../../pipeline/shared/user-error.js';

const SPEC = { out: { type: 'string' }, ship: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

describe('parseFlags', () => {
  it('reads strings, switches, aliases and positionals', () => {
    expect(parseFlags(['a.keras', '--out', 'x', '--ship', '-h'], SPEC, 1)).toEqual({ values: { out: 'x', ship: true, help: true }, positionals: ['a.keras'] });
    expect(parseFlags(['--out=y'], SPEC).values).toEqual({ out: 'y' });
    expect(parseFlags([], SPEC)).toEqual({ values: {}, positionals: [] });
  });

  it.each([
    [['--bogus'], '--bogus is not an option of this command; see the options below.'],
    [['-x'], '-x is not an option of this command; see the options below.'],
    [['--out'], '--out needs a value, e.g. --out <value>.'],
    [['--ship=no'], '--ship takes no value (got "no").'],
    [['a', 'b'], 'This command takes at most 1 argument besides its options (got "a", "b"); see the options below.'],
  ])('refuses %j with a sentence, as a UsageError (a UserError of kind usage)', (argv, sentence) => {
    const error = (() => {
      try {
        parseFlags(argv, SPEC, 1);
      } catch (e) {
        return e;
      }
      throw new Error('expected a UsageError');
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).kind).toBe('usage');
    expect((error as Error).message).toBe(sentence);
  });
});
