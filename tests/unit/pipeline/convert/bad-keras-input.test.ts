import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConvertArgs } from '../../../../pipeline/run-convert.js';
import { KerasFileError } from '../../../../pipeline/convert/keras-file-error.js';
import { runConvert } from '../../../../pipeline/run-convert.js';
import { loadFashionMnist, type FashionMnist } from '../../../../pipeline/data/fashion-mnist.js';
import { takeFirst } from '../../../../pipeline/data/take-first.js';
import { FileSystemError } from '../../../../pipeline/shared/file-system-error.js';
import { canMountSmallDisk, mountSmallDisk } from '../../../helpers/small-disk.js';
import { fixtureBytes, fixturePath } from './keras-fixtures.js';

// Issue 23, item 4: every bad input is refused with one sentence saying what is wrong and what to
// do, and nothing is written where the extension build or the report would pick it up.

const scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-convert-bad-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let data: Promise<FashionMnist> | undefined;
const loadData = () => (data ??= loadFashionMnist({}));
/** The first 300 validation and test images only: the measuring and the checks run on them in seconds, not minutes. */
const loadSmallData = async (): Promise<FashionMnist> => {
  const all = await loadData();
  return { ...all, validation: takeFirst(all.validation, 300), test: takeFirst(all.test, 300) };
};

/** A file in the scratch folder holding `bytes`. */
function scratchFile(name: string, bytes: Uint8Array | string): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

function args(file: string, outDir: string, more: Partial<ConvertArgs> = {}): ConvertArgs {
  return { file, id: 'converted', displayName: 'Converted (test)', input: 'raw', ship: false, force: false, outDir, help: false, verbose: false, ...more };
}

/** Everything under `dir`, hidden entries included, as relative paths. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Runs the conversion into a fresh output folder; returns the refusal and what the folder holds afterwards. */
async function refusal(file: string, more: Partial<ConvertArgs> = {}): Promise<{ error: Error; written: string[] }> {
  const out = mkdtempSync(join(scratch, 'out-'));
  const error = await runConvert(args(file, out, more), { loadData, log: () => {} }).then(
    () => new Error('expected the conversion to be refused'),
    (e: Error) => e,
  );
  return { error, written: listing(out) };
}

/** The .keras fixture with its config.json edited by `edit`, zipped again. */
function editedKeras(name: string, edit: (config: any) => void): Uint8Array {
  const entries = unzipSync(fixtureBytes(name));
  const config = JSON.parse(strFromU8(entries['config.json']!));
  edit(config);
  return zipSync({ ...entries, 'config.json': strToU8(JSON.stringify(config)) });
}

const half = (name: string) => fixtureBytes(name).subarray(0, Math.floor(fixtureBytes(name).length / 2));

describe('npm run convert refuses bad input with a sentence and writes nothing', () => {
  const cases: [what: string, file: () => string, sentence: string][] = [
    ['not a Keras file', () => scratchFile('notes.keras', 'These are my notes, not a model.\n'), 'notes.keras is not a Keras model file: it is neither a .keras zip archive nor an HDF5 .h5 file. Save the model with Keras\' model.save("model.keras") (or "model.h5") and convert that file.'],
    ['a truncated .keras', () => scratchFile('cut.keras', half('lenet5-unit.keras')), 'cut.keras cannot be read as a .keras zip archive (invalid zip data): it is truncated or damaged. Copy the whole file again, or save the model again from Keras.'],
    ['a truncated .h5', () => scratchFile('cut.h5', half('lenet5-unit.h5')), 'cut.h5 cannot be read: it is truncated: it has 396,012 of its 792,024 bytes. Copy the whole file again, or save the model again from Keras.'],
    [
      'a .keras whose weights do not match its config',
      () => scratchFile('edited.keras', editedKeras('lenet5-unit.keras', (c) => (c.config.layers.find((l: any) => l.config.name === 'dense').config.units = 100))),
      "edited.keras: layer 'dense' (Dense) needs weights of shapes [400, 100], [100] from its config, but the file holds [400, 120], [120]: the weights do not match the config. Save the model again from Keras.",
    ],
    ['an input that is not 28x28x1', () => fixturePath('input-32x32.h5'), 'input-32x32.h5 takes input of shape (None, 32, 32, 1); Fashion Lens models take one 28x28x1 image, shape (None, 28, 28, 1). The converter does not resize models: train one on 28x28 grayscale images with input_shape=(28, 28, 1).'],
    ['an output that is not 10 classes', () => fixturePath('output-5.keras'), "output-5.keras outputs shape (None, 5); Fashion Lens models output 10 class probabilities, shape (None, 10), in Fashion-MNIST's label order (T-shirt/top ... Ankle boot). The converter does not take other class lists."],
    [
      'an unsupported layer',
      () => fixturePath('unsupported.h5'),
      "unsupported.h5: layer 'upsample' is of class UpSampling2D, which the converter does not support. It converts models built from InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Flatten, Reshape, Dense, Dropout, BatchNormalization, Activation, ReLU, LeakyReLU, Rescaling, Normalization; rebuild the model from those layers (or retrain it with `npm run pipeline`).",
    ],
    [
      'a custom layer',
      () => fixturePath('custom-layer.keras'),
      "custom-layer.keras: layer 'doubling' is of class Doubling (a custom layer, registered as 'Shop>Doubling'), which the converter does not support. It converts models built from InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Flatten, Reshape, Dense, Dropout, BatchNormalization, Activation, ReLU, LeakyReLU, Rescaling, Normalization; rebuild the model from those layers (or retrain it with `npm run pipeline`).",
    ],
    [
      'NaN and infinite weights',
      () => fixturePath('nan-weights.h5'),
      "nan-weights.h5: layer 'dense_10' has 2 NaN or infinite values in its weights (model_weights/dense_10/dense_10/kernel:0), so it cannot predict anything. Training diverged or the file was damaged: retrain (a lower learning rate often helps) or save the model again.",
    ],
    ['a file that does not exist', () => join(scratch, 'missing.keras'), `${join(scratch, 'missing.keras')} does not exist. Give the path of the .keras or .h5 file Keras saved.`],
  ];
  it.each(cases)('%s', async (_, file, sentence) => {
    const { error, written } = await refusal(file());
    expect(error).toBeInstanceOf(KerasFileError);
    expect(error.message).toBe(sentence);
    expect(written).toEqual([]);
  });

  it('an --id that exists already, unless --force', async () => {
    const out = mkdtempSync(join(scratch, 'out-'));
    mkdirSync(join(out, 'comparisons', 'converted'), { recursive: true });
    writeFileSync(join(out, 'comparisons', 'converted', 'keep.txt'), 'mine');
    const error = await runConvert(args(fixturePath('bn-raw.h5'), out), { loadData, log: () => {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(KerasFileError);
    expect((error as Error).message).toBe(`${join(out, 'comparisons', 'converted')} already exists. Pass --force to replace it, or give the converted model another --id.`);
    expect(listing(out)).toEqual(['comparisons', 'comparisons/converted', 'comparisons/converted/keep.txt']);
  });

  it.skipIf(!canMountSmallDisk())('a read-only disk', async () => {
    const disk = mountSmallDisk('1m', { readOnly: true })!;
    try {
      const error = await runConvert(args(fixturePath('bn-raw.h5'), disk.dir), { loadData, log: () => {} }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(FileSystemError);
      expect((error as Error).message).toBe(
        `Could not write in the --out folder ${join(disk.dir, 'comparisons')}: the file system is read-only. Choose a writable folder (--out, --checkpoint-dir), then run again. (EROFS: read-only file system, mkdir '${join(disk.dir, 'comparisons')}') Nothing was converted.`,
      );
      expect(listing(disk.dir)).toEqual([]);
    } finally {
      disk.remove();
    }
  });

  it.skipIf(!canMountSmallDisk())('a full disk: the sentence names the file, and no half-written folder is left', async () => {
    // Room for the write check and a little more, not for the float32 weights (245 KB).
    const disk = mountSmallDisk('64k')!;
    try {
      const error = await runConvert(args(fixturePath('lenet5-unit.h5'), disk.dir, { input: 'unit' }), { loadData: loadSmallData, log: () => {} }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(FileSystemError);
      expect((error as Error).message).toMatch(/^Could not write .*\/comparisons\/\.converted\.tmp-\d+\/.*: the disk is full\. Free some space on the disk that holds/);
      expect(listing(disk.dir)).toEqual(['comparisons']);
    } finally {
      disk.remove();
    }
  }, 300_000);
});
