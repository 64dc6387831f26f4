import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../pipeline/shared/parse-flags.js';
import { idFromFileName, parseConvertArgs } from '../../../../pipeline/cli/convert-args.js';

describe('parseConvertArgs', () => {
  it('defaults: id from the file name, seed input, comparisons, artifacts/', () => {
    expect(parseConvertArgs(['models/My Seed_CNN.keras'])).toMatchObject({ file: 'models/My Seed_CNN.keras', id: 'my-seed-cnn', displayName: 'My Seed_CNN.keras (Keras)', input: 'seed', ship: false, force: false, outDir: 'artifacts' });
    expect(parseConvertArgs(['m.h5', '--id', 'shop-v2', '--name', 'Shop v2', '--input', 'unit', '--ship', '--force', '--out', 'x'])).toMatchObject({ id: 'shop-v2', displayName: 'Shop v2', input: 'unit', ship: true, force: true, outDir: 'x' });
  });

  it.each([
    [[], 'Give the Keras file to convert, e.g. `npm run convert -- model.keras`.'],
    [['a.keras', 'b.keras'], 'Give one Keras file to convert; got 2: a.keras, b.keras.'],
    [['a.keras', '--input', 'gray'], '--input takes seed, unit, raw; "gray" is not one of them.'],
    [['a.keras', '--id', 'My Model'], '--id must be lower-case letters, digits and dashes (at most 40, not starting with a dash); "My Model" is not.'],
    [['___.keras'], 'No model id can be made from the file name "___.keras"; give one with --id (lower-case letters, digits and dashes).'],
    [['lenet5.h5'], '--id lenet5 is the id of a model the pipeline trains (cnn, lenet5); give the converted model its own id, e.g. --id keras-lenet5.'],
  ])('refuses %j', (argv, sentence) => {
    expect(() => parseConvertArgs(argv)).toThrow(new UsageError(sentence));
  });

  it('makes ids a folder and a URL read the same', () => {
    expect(idFromFileName('/x/Fashion MNIST (v3).final.h5')).toBe('fashion-mnist-v3-final');
    expect(idFromFileName('a'.repeat(60) + '.keras')).toHaveLength(40);
  });
});
