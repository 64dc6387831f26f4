import { describe, expect, it } from 'vitest';
import { parsePipelineArgs } from '../../../../pipeline/cli/pipeline-args.js';
import { UsageError } from '../../../../pipeline/shared/parse-flags.js';

describe('parsePipelineArgs', () => {
  it('with no flags does the full job on both models', () => {
    const a = parsePipelineArgs([]);
    expect(a).toMatchObject({ models: ['cnn', 'lenet5'], recipe: 'shop', outDir: 'artifacts', seed: 42, resume: false, rbf: false, report: true, help: false });
    expect(a.epochs).toBeUndefined();
    expect(a.limit).toBeUndefined();
  });

  it('--quick is a small 1-epoch run into .cache/quick', () => {
    expect(parsePipelineArgs(['--quick'])).toMatchObject({ limit: 500, epochs: 1, outDir: '.cache/quick', checkpointDir: '.cache/quick-checkpoints' });
    expect(parsePipelineArgs([]).checkpointDir).toBe('.cache/checkpoints');
    expect(parsePipelineArgs(['--quick', '--out', 'x', '--epochs', '2'])).toMatchObject({ outDir: 'x', epochs: 2 });
  });

  it('reads every flag', () => {
    const a = parsePipelineArgs(['--models', 'lenet5', '--recipe', 'seed', '--epochs', '3', '--batch-size', '64', '--seed', '7', '--data-dir', 'd', '--out', 'o', '--checkpoint-dir', 'c', '--resume', '--limit', '1000', '--rbf', '--no-report', '--verbose', '--engine', 'eager', '--precision', 'fp32']);
    expect(a).toEqual({ models: ['lenet5'], recipe: 'seed', epochs: 3, batchSize: 64, seed: 7, dataDir: 'd', outDir: 'o', checkpointDir: 'c', resume: true, limit: 1000, rbf: true, report: false, help: false, verbose: true, engine: 'eager', precision: 'fp32' });
    expect(parsePipelineArgs(['--precision', 'bf16'])).toMatchObject({ engine: undefined, precision: 'bf16' });
  });

  it.each([
    [['--models', 'resnet'], /--models takes cnn, lenet5/],
    [['--recipe', 'fancy'], /--recipe takes seed or shop; "fancy" is not one of them/],
    [['--epochs', '0'], /--epochs must be a positive whole number, got "0"/],
    [['--batch-size', 'big'], /--batch-size must be a positive whole number/],
    [['--seed=-1'], /--seed must be a whole number/],
    [['--frobnicate'], '--frobnicate is not an option of this command; see the options below.'],
    [['stray'], 'This command takes no arguments besides its options (got "stray"); see the options below.'],
    [['--out'], '--out needs a value, e.g. --out <value>.'],
    [['--quick=yes'], '--quick takes no value (got "yes").'],
    [['--engine', 'xla'], '--engine takes graph or eager; "xla" is not one of them.'],
    [['--precision', 'fp16'], '--precision takes fp32 or bf16; "fp16" is not one of them.'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parsePipelineArgs(argv)).toThrow(UsageError);
    expect(() => parsePipelineArgs(argv)).toThrow(message);
  });
});
