import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelContractError } from '../../../../core/model-contract-error.js';
import { DatasetError } from '../../../../pipeline/data/dataset-error.js';
import { describeFailure } from '../../../../pipeline/cli/describe-failure.js';
import { fileSystemError } from '../../../../pipeline/shared/file-system-error.js';
import { NativeUnavailableError } from '../../../../pipeline/native/require-native.js';
import { NoExportedModelsError } from '../../../../pipeline/report/find-exported-models.js';
import { CheckpointError } from '../../../../pipeline/train/checkpoint-error.js';
import { UserError } from '../../../../pipeline/shared/user-error.js';
import { loadShopPhotos } from '../../../../pipeline/eval/shop-photos.js';
import { readModelFolder } from '../../../../pipeline/export/model-folder-io.js';
import { parseFlags } from '../../../../pipeline/shared/parse-flags.js';

describe('describeFailure (the CLIs’ one error policy)', () => {
  it('prints an expected failure as its sentence alone, recognised by its type', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const expected = [
      new DatasetError('train-images-idx3-ubyte.gz is missing: point --data-dir at the folder.'),
      new CheckpointError('The checkpoint in .cache/x is damaged: state.json is cut short. Delete .cache/x to start over.'),
      fileSystemError(enospc, 'write', 'artifacts/models/cnn'),
      new NoExportedModelsError('There are no exported models in artifacts/models.'),
      new NativeUnavailableError('tfjs-node cannot run on native TensorFlow: run npm install.'),
      new ModelContractError('artifacts/models/cnn/metadata.json is not valid model metadata: id is missing.'),
    ];
    for (const error of expected) {
      expect(error instanceof UserError || error instanceof ModelContractError).toBe(true);
      expect(describeFailure(error, false)).toBe(error.message);
    }
  });

  it('prints a broken model folder, the shop photos and a bad flag as sentences, as they come from the real code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fashion-lens-failures-'));
    try {
      const failures = [
        await Promise.resolve().then(() => readModelFolder(dir)).catch((e: unknown) => e),
        await loadShopPhotos(dir).catch((e: unknown) => e),
        await Promise.resolve().then(() => parseFlags(['--bogus'], {})).catch((e: unknown) => e),
      ] as UserError[];
      expect(failures.map((f) => f.kind)).toEqual(['model-folder', 'shop-photos', 'usage']);
      for (const failure of failures) expect(describeFailure(failure, false)).toBe(failure.message);
      expect(failures[0]!.message).toBe(`${join(dir, 'metadata.json')} is missing, so ${dir} is not a model export; export the model again with \`npm run pipeline\`.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not trust the wording: an Error merely named like one is a bug, and says how to see its stack', () => {
    const impostor = Object.assign(new Error('Cannot read properties of undefined'), { name: 'DatasetError' });
    const text = describeFailure(impostor, false);
    expect(text).toMatch(/^Cannot read properties of undefined\n\(This was not expected: run again with --verbose/);
    expect(text).not.toContain('    at ');
  });

  it('prints the stack trace with --verbose, for every failure', () => {
    expect(describeFailure(new DatasetError('bad data'), true)).toMatch(/^DatasetError: bad data\n\s+at /);
    expect(describeFailure(new Error('bug'), true)).toMatch(/^Error: bug\n\s+at /);
  });
});
